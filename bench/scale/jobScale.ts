import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { printFiles } from "@/db/schema";
import { artboardOf } from "@/domain/design/artboard";
import { eventually } from "@/test/collabClients";
import { rect, writeShapes } from "@/test/designShapes";
import type { signedUpClient } from "@/test/trpcTestClient";
import { startWorker } from "@/test/workerProcess";
import { cpuMeter, median } from "./stats";

export type JobRun = { workers: number; jobs: number; seconds: number; cpuSPerJob: number; appCpuSPerJob: number; ranOnce: boolean; lost: number };

type Owner = Awaited<ReturnType<typeof signedUpClient>>;

/** Canvases with a tee and a design that fills half its front: what a print file renders. */
export async function printableCanvases(db: Db, owner: Owner, n: number): Promise<string[]> {
  const products = await owner.client.catalog.products.query();
  const board = artboardOf(products.find((p) => p.id === "tee")!.printAreas[0]!);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { id } = await owner.client.canvas.create.mutate({ name: `Print ${i}` });
    await owner.client.canvas.setProduct.mutate({ id, productId: "tee", variantId: "tee-black-m" });
    await writeShapes(db, id, [rect({ x: board.width / 4, y: board.height / 4, width: board.width / 2, height: board.height / 2, fill: i % 2 ? "#2255ee" : "#ee3322" })]);
    ids.push(id);
  }
  return ids;
}

const cpuJobsLeft = async (db: Db) =>
  Number(((await db.execute(sql`select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier <> 'generate'`)).rows[0] as { n: number }).n);

/** One run: `workers` worker processes of the CPU queue drain a print file for each canvas. */
async function runOnce(db: Db, owner: Owner, canvases: string[], workers: number, env: Record<string, string>): Promise<JobRun> {
  const procs = await Promise.all(Array.from({ length: workers }, () => startWorker({ ...env, WORKER_QUEUES: "cpu" })));
  await eventually(async () => (await cpuJobsLeft(db)) === 0, 120_000, "the queue to be empty before the run");
  const meter = cpuMeter(procs.map((p) => p.child.pid!));
  const since = ((await db.execute(sql`select now() as t`)).rows[0] as { t: string }).t;
  const t0 = performance.now();
  const ids: string[] = [];
  for (const canvasId of canvases) ids.push((await owner.client.printFile.create.mutate({ canvasId, printAreaId: "tee-front" })).id);
  await eventually(async () => {
    const rows = await db.select({ status: printFiles.status }).from(printFiles).where(inArray(printFiles.id, ids));
    return rows.every((r) => r.status === "succeeded" || r.status === "failed") && (await cpuJobsLeft(db)) === 0;
  }, 600_000, "every print file to render");
  const seconds = (performance.now() - t0) / 1000;
  const cpu = meter.read();
  await Promise.all(procs.map((p) => p.kill("SIGKILL")));
  // Each print file's job ran to its end exactly once; none is left undone.
  const runs = await db.execute(sql`select job_id, count(*)::int as n, bool_and(ok) as ok from job_runs where task = 'renderPrintFile' and finished_at >= ${since} group by job_id`);
  const done = await db.select({ status: printFiles.status }).from(printFiles).where(inArray(printFiles.id, ids));
  const rows = runs.rows as { n: number; ok: boolean }[];
  return {
    workers,
    jobs: ids.length,
    seconds,
    cpuSPerJob: (cpu.app + cpu.postgres) / ids.length,
    appCpuSPerJob: cpu.app / ids.length,
    ranOnce: rows.length === ids.length && rows.every((r) => r.n === 1 && r.ok),
    lost: done.filter((r) => r.status !== "succeeded").length,
  };
}

/** Print files for `jobs` canvases, by one worker and by two, alternating over `rounds`; the median run of each. */
export async function jobScale(db: Db, owner: Owner, env: Record<string, string>, rounds: number, jobs: number) {
  const runs = new Map<number, JobRun[]>([
    [1, []],
    [2, []],
  ]);
  for (let round = 0; round < rounds; round++) {
    for (const workers of round % 2 ? [2, 1] : [1, 2]) runs.get(workers)!.push(await runOnce(db, owner, await printableCanvases(db, owner, jobs), workers, env));
  }
  const mid = (n: number): JobRun => {
    const list = runs.get(n)!;
    return {
      workers: n,
      jobs: list[0]!.jobs,
      seconds: median(list.map((r) => r.seconds)),
      cpuSPerJob: median(list.map((r) => r.cpuSPerJob)),
      appCpuSPerJob: median(list.map((r) => r.appCpuSPerJob)),
      ranOnce: list.every((r) => r.ranOnce),
      lost: list.reduce((n, r) => n + r.lost, 0),
    };
  };
  return { one: mid(1), two: mid(2) };
}
