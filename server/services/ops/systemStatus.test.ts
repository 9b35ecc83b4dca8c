import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@/test/collabClients";
import { shopAdminClient } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, errorCode, signedUpClient } from "@/test/trpcTestClient";
import { startWorker, type WorkerProcess } from "@/test/workerProcess";

let t: TestDb;
let worker: WorkerProcess;

beforeAll(async () => {
  t = await createTestDb();
  const storage = await freshBucket("status");
  // A worker of the CPU queue only: the GPU queue has nobody serving it.
  worker = await startWorker({ DATABASE_URL: t.url, S3_ENDPOINT: process.env.S3_ENDPOINT!, S3_BUCKET: storage.bucket, WORKER_QUEUES: "cpu", CPU_CONCURRENCY: "3" });
}, 60_000);
afterAll(async () => {
  await worker?.kill("SIGKILL");
  await t.close();
});

const addJob = (task: string, payload: object, maxAttempts = 25) => t.db.execute(sql`select graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json, max_attempts := ${maxAttempts})`);

describe("the status page's data (ops.status)", () => {
  it("shows the worker and what it serves, each job's wait and run, and a job that failed for good with its error", async () => {
    for (let i = 0; i < 3; i++) await addJob("cleanupExpired", {});
    await addJob("renderSnapshot", { nonsense: true }, 1); // fails its payload check, once and for all
    await eventually(async () => Number(((await t.db.execute(sql`select count(*)::int as n from job_runs`)).rows[0] as { n: number }).n) >= 4, 30_000, "the four jobs to run");

    const admin = await shopAdminClient(t.db);
    const status = await admin.client.ops.status.query();
    expect(status.health).toEqual({ ok: true, db: true, storage: true, worker: true });

    expect(status.workers).toHaveLength(1);
    expect(status.workers[0]).toMatchObject({ queue: "cpu", concurrency: 3, pid: worker.child.pid, alive: true, device: "auto", model: null });

    const cpu = status.queues.find((q) => q.queue === "cpu")!;
    expect(cpu).toMatchObject({ workers: 1, slots: 3, finished: 3, failed: 1, waiting: 0, running: 0, dead: 1 });
    expect(cpu.runS.p50).toBeGreaterThanOrEqual(0);
    expect(cpu.waitS.p95).toBeGreaterThanOrEqual(cpu.waitS.p50!);
    expect(cpu.tasks.find((x) => x.task === "cleanupExpired")).toMatchObject({ finished: 3, failed: 0 });
    expect(cpu.tasks.find((x) => x.task === "renderSnapshot")).toMatchObject({ finished: 0, failed: 1, dead: 1 });

    const gpu = status.queues.find((q) => q.queue === "gpu")!;
    expect(gpu).toMatchObject({ workers: 0, slots: 0, finished: 0 });

    expect(status.failures).toHaveLength(1);
    expect(status.failures[0]).toMatchObject({ kind: "job", task: "renderSnapshot", attempt: 1, final: true });
    expect(status.failures[0]!.error.length).toBeGreaterThan(0);
  });

  it("is for shop admins only", async () => {
    const someone = await signedUpClient(t.db, "Someone");
    expect(await errorCode(someone.client.ops.status.query())).toBe("FORBIDDEN");
    expect(await errorCode(createTestClient(t.db).client.ops.status.query())).toBe("UNAUTHORIZED");
  });
});
