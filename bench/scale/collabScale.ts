import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startCollabProcess } from "@/test/collabClients";
import { freePort } from "@/test/freePort";
import { cpuMeter, median } from "./stats";

const root = path.resolve(import.meta.dirname, "../..");
const ORIGIN = "http://localhost:3000";

/** How clients meet processes: each canvas on one process (the proxy hashes canvases), or each canvas's clients split between them. */
export type Spread = "rooms" | "clients";
export type CollabRun = { processes: number; p50: number; p99: number; delivered: number; perSecond: number; cpuUsPerEdit: number; appCpuUsPerEdit: number; userUsPerEdit: number; systemUsPerEdit: number; postgresUsPerEdit: number };

/** Ours, or the floor: an in-memory y-protocols relay (bench/collab's), which shares nothing between its processes. */
type ServerKind = "ours" | "relay";
type Server = { port: number; pid: number; path: string; stop: () => Promise<void> };

async function startServer(kind: ServerKind, databaseUrl: string): Promise<Server> {
  if (kind === "ours") {
    const s = await startCollabProcess(databaseUrl, { maxSocketsPerUser: 100_000 });
    return { port: s.port, pid: s.child.pid!, path: "/collab", stop: s.stop };
  }
  const port = await freePort();
  const child = fork(path.join(root, "bench/collab/servers/bareRelay.ts"), { env: { ...process.env, PORT: String(port) }, execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  await new Promise((resolve, reject) => (child.once("message", resolve), child.once("exit", reject)));
  return { port, pid: child.pid!, path: "", stop: async () => (child.kill("SIGKILL"), await exited(child)) };
}

type Load = { rooms: string[]; clients: number; rate: number; seconds: number; cookie: string; spread: Spread };

/** One run: `processes` servers of a kind (ours on one Postgres), the load spread over them. */
async function runOnce(kind: ServerKind, databaseUrl: string, processes: number, load: Load): Promise<CollabRun> {
  const servers = await Promise.all(Array.from({ length: processes }, () => startServer(kind, databaseUrl)));
  const gen = fork(path.join(root, "bench/collab/loadgen.ts"), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let meter: ReturnType<typeof cpuMeter> | null = null;
  const result = new Promise<Record<string, number>>((resolve, reject) => {
    gen.on("message", (m: { type: string }) => {
      if (m.type === "measuring") meter = cpuMeter(servers.map((s) => s.pid));
      if (m.type === "result") resolve(m as unknown as Record<string, number>);
    });
    gen.once("exit", (code) => code && reject(new Error(`load generator exited ${code}`)));
  });
  gen.send({
    url: `ws://127.0.0.1:${servers[0]!.port}${servers[0]!.path}`,
    urls: servers.map((s) => `ws://127.0.0.1:${s.port}${s.path}`),
    spread: load.spread,
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
    userUsPerEdit: (cpu.appUser / deliveries) * 1e6,
    systemUsPerEdit: (cpu.appSystem / deliveries) * 1e6,
    postgresUsPerEdit: (cpu.postgres / deliveries) * 1e6,
  };
}

const exited = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null ? r() : child.once("exit", () => r())));

export const CONFIGS = [
  { name: "ours, 1 process", kind: "ours", processes: 1, spread: "rooms" },
  { name: "ours, 2 processes, each canvas on one (as the proxy routes)", kind: "ours", processes: 2, spread: "rooms" },
  { name: "ours, 2 processes, each canvas's clients split", kind: "ours", processes: 2, spread: "clients" },
  { name: "bare relay, 1 process", kind: "relay", processes: 1, spread: "rooms" },
  { name: "bare relay, 2 processes, each canvas on one", kind: "relay", processes: 2, spread: "rooms" },
] as const;

/**
 * 100 rooms × 5 clients at 1,000 edits a second on one collaboration process and on two, the two
 * either with each canvas on one process (ops/nginx.conf hashes canvases) or with every canvas's
 * clients split between them (most deliveries cross processes: the worst case); and the same on
 * a bare in-memory relay, whose 2-against-1 ratio is what two processes cost on this machine
 * whatever they run. In a rotating order over `rounds`; the median run of each.
 */
export async function collabScale(databaseUrl: string, newRooms: (n: number) => Promise<string[]>, cookie: string, rounds: number, seconds: number) {
  const runs = CONFIGS.map(() => [] as CollabRun[]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < CONFIGS.length; k++) {
      const i = (round + k) % CONFIGS.length;
      const c = CONFIGS[i]!;
      runs[i]!.push(await runOnce(c.kind, databaseUrl, c.processes, { rooms: await newRooms(100), clients: 5, rate: 1000, seconds, cookie, spread: c.spread }));
    }
  }
  return CONFIGS.map((c, i) => {
    const pick = (k: keyof CollabRun) => median(runs[i]!.map((r) => r[k]));
    const keys = ["p50", "p99", "delivered", "perSecond", "cpuUsPerEdit", "appCpuUsPerEdit", "userUsPerEdit", "systemUsPerEdit", "postgresUsPerEdit"] as const;
    return { name: c.name, processes: c.processes, ...(Object.fromEntries(keys.map((k) => [k, pick(k)])) as Pick<CollabRun, (typeof keys)[number]>) };
  });
}
