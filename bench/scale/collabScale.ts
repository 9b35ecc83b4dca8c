import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startCollabProcess } from "@/test/collabClients";
import { cpuMeter, median } from "./stats";

const root = path.resolve(import.meta.dirname, "../..");
const ORIGIN = "http://localhost:3000";

export type CollabRun = { processes: number; p50: number; p99: number; delivered: number; perSecond: number; cpuUsPerEdit: number; appCpuUsPerEdit: number };

type Load = { rooms: string[]; clients: number; rate: number; seconds: number; cookie: string };

/** One run: `processes` collaboration servers on one Postgres, each room's clients spread over them. */
async function runOnce(databaseUrl: string, processes: number, load: Load): Promise<CollabRun> {
  const servers = await Promise.all(Array.from({ length: processes }, () => startCollabProcess(databaseUrl, { maxSocketsPerUser: 100_000 })));
  const gen = fork(path.join(root, "bench/collab/loadgen.ts"), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let meter: ReturnType<typeof cpuMeter> | null = null;
  const result = new Promise<Record<string, number>>((resolve, reject) => {
    gen.on("message", (m: { type: string }) => {
      if (m.type === "measuring") meter = cpuMeter(servers.map((s) => s.child.pid!));
      if (m.type === "result") resolve(m as unknown as Record<string, number>);
    });
    gen.once("exit", (code) => code && reject(new Error(`load generator exited ${code}`)));
  });
  gen.send({
    url: `ws://127.0.0.1:${servers[0]!.port}/collab`,
    urls: servers.map((s) => `ws://127.0.0.1:${s.port}/collab`),
    flavour: "yws",
    rooms: load.rooms,
    clients: load.clients,
    rate: load.rate,
    seconds: load.seconds,
    headers: { cookie: load.cookie, origin: ORIGIN },
  });
  const r = await result;
  const cpu = (meter as ReturnType<typeof cpuMeter> | null)!.read();
  await exited(gen);
  await Promise.all(servers.map((s) => s.stop()));
  const deliveries = r.deliveries!;
  return {
    processes,
    p50: r.p50!,
    p99: r.p99!,
    delivered: deliveries / (r.sent! * (load.clients - 1)),
    perSecond: deliveries / load.seconds,
    cpuUsPerEdit: ((cpu.app + cpu.postgres) / deliveries) * 1e6,
    appCpuUsPerEdit: (cpu.app / deliveries) * 1e6,
  };
}

const exited = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null ? r() : child.once("exit", () => r())));

/**
 * 100 rooms × 5 clients at 1,000 edits a second, on one collaboration process and on two (every
 * room's clients split between them, so most deliveries cross processes), alternating over
 * `rounds`; the median run of each.
 */
export async function collabScale(databaseUrl: string, newRooms: (n: number) => Promise<string[]>, cookie: string, rounds: number, seconds: number) {
  const runs = new Map<number, CollabRun[]>([
    [1, []],
    [2, []],
  ]);
  for (let round = 0; round < rounds; round++) {
    for (const processes of round % 2 ? [2, 1] : [1, 2]) {
      runs.get(processes)!.push(await runOnce(databaseUrl, processes, { rooms: await newRooms(100), clients: 5, rate: 1000, seconds, cookie }));
    }
  }
  const mid = (n: number): CollabRun => {
    const list = runs.get(n)!;
    const pick = (k: keyof CollabRun) => median(list.map((r) => r[k]));
    return { processes: n, p50: pick("p50"), p99: pick("p99"), delivered: pick("delivered"), perSecond: pick("perSecond"), cpuUsPerEdit: pick("cpuUsPerEdit"), appCpuUsPerEdit: pick("appCpuUsPerEdit") };
  };
  return { one: mid(1), two: mid(2), runs };
}
