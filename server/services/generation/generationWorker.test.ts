import { randomBytes } from "node:crypto";
import { asc, eq, inArray, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { assets, generations } from "@/db/schema";
import { resetEnvCache } from "@/server/env";
import { handleAssetRequest } from "@/server/http/assetHandler";
import { ensureBucket } from "@/server/storage/s3";
import { getStorage, type Storage } from "@/server/storage/storage";
import { eventually } from "@/test/collabClients";
import { createTestDb, type TestDb } from "@/test/testDb";
import { errorCode, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";
import { startWorker, type WorkerProcess } from "@/test/workerProcess";

/** The real worker process running the bundled model through onnxruntime-node. */

type Person = Awaited<ReturnType<typeof signedUpClient>>;

let t: TestDb;
let storage: Storage;
let canvasId: string;
let alice: Person, bob: Person;
let worker: WorkerProcess;
let workerEnv: Record<string, string>;

/** Long enough (a few seconds) to act while it runs. */
const SLOW = { count: 4, steps: 100 };

const rowOf = (id: string) => t.db.query.generations.findFirst({ where: eq(generations.id, id) }).then((r) => r!);
const settled = (id: string, ms = 60_000) =>
  eventually(async () => ["succeeded", "failed", "canceled"].includes((await rowOf(id)).status), ms, `generation ${id} to finish`);
const reachedStep = (id: string, step: number) => eventually(async () => (await rowOf(id)).step >= step, 30_000, `step ${step}`);

async function assetBytes(who: Person, assetId: string): Promise<Buffer> {
  const cookie = [...who.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await handleAssetRequest(t.db, storage.s3, storage.bucket, new Request(`${TEST_APP_URL}/api/assets/${assetId}`, { headers: { cookie } }), assetId);
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toContain("private");
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  t = await createTestDb();
  process.env.S3_ENDPOINT = inject("s3Endpoint");
  process.env.S3_BUCKET = `gen-${randomBytes(4).toString("hex")}`;
  resetEnvCache();
  storage = getStorage();
  await ensureBucket(storage.s3, storage.bucket);
  workerEnv = { DATABASE_URL: t.url, S3_ENDPOINT: process.env.S3_ENDPOINT, S3_BUCKET: process.env.S3_BUCKET, INFERENCE_DEVICE: "cpu" };
  [alice, bob] = await Promise.all([signedUpClient(t.db, "Alice"), signedUpClient(t.db, "Bob")]);
  ({ id: canvasId } = await alice.client.canvas.create.mutate({ name: "Shared queue" }));
  const inv = await alice.client.invite.create.mutate({ canvasId, role: "editor" });
  await bob.client.invite.accept.mutate({ token: inv.token });
  worker = await startWorker(workerEnv);
}, 60_000);

afterAll(async () => {
  await worker?.kill("SIGKILL");
  await t.close();
});

describe("the generation worker", () => {
  it("runs two people's generations one at a time, in the order they were asked, into canvas assets", async () => {
    // One after the other: two requests at the same instant commit in either order, and the
    // queue's order is the order of commit.
    const a = await alice.client.generation.create.mutate({ canvasId, prompt: "red heart", seed: 1 });
    const b = await bob.client.generation.create.mutate({ canvasId, prompt: "cat face", seed: 2, count: 2 });
    await Promise.all([settled(a.id), settled(b.id)]);
    const rows = await t.db.select().from(generations).where(inArray(generations.id, [a.id, b.id])).orderBy(asc(generations.queuedAt), asc(generations.id));
    expect(rows.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
    expect(rows[0]!.finishedAt!.getTime()).toBeLessThanOrEqual(rows[1]!.startedAt!.getTime());
    expect(rows[0]!.provider).toBe("cpu");
    expect(rows[0]!.modelName).toBe("merchboard-emoji");

    const list = await bob.client.generation.list.query({ canvasId });
    const cat = list.find((g) => g.id === b.id)!;
    expect(cat).toMatchObject({ status: "succeeded", progress: 1, position: null });
    expect(cat.images).toHaveLength(2);
    const png = await assetBytes(alice, cat.images[0]!.assetId);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 64, 64]);

    const asset = await t.db.query.assets.findFirst({ where: eq(assets.id, cat.images[0]!.assetId) });
    expect(asset!.provenance).toMatchObject({ generationId: b.id, prompt: "cat face", seed: 2, steps: 20, scheduler: "ddim", model: "merchboard-emoji", provider: "cpu" });
    expect(asset!.provenance!.modelHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("runs CPU work (mail, print files, expiry) on its own queue while generations wait: nothing waits behind diffusion", async () => {
    const slow = await alice.client.generation.create.mutate({ canvasId, prompt: "red heart", ...SLOW });
    const behind = await bob.client.generation.create.mutate({ canvasId, prompt: "cat face", ...SLOW });
    await reachedStep(slow.id, 1);
    // A refund mail for a refund that is gone: the task answers at once, so the job's end is the measure.
    const refundId = "6b1f0f6e-3d7a-4a59-9f3e-2f1f5a7c9d10";
    await t.db.execute(sql`select graphile_worker.add_job('sendRefundMail', json_build_object('refundId', ${refundId}::text))`);
    await eventually(
      async () => (await t.db.execute(sql`select 1 from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = 'sendRefundMail'`)).rows.length === 0,
      10_000,
      "the mail job to run",
    );
    expect((await rowOf(behind.id)).status).toBe("queued");
    await bob.client.generation.cancel.mutate({ id: behind.id });
    await alice.client.generation.cancel.mutate({ id: slow.id });
    await settled(slow.id);
  });

  it("gives the same pixels for the same seed, and other pixels for another", async () => {
    const params = { canvasId, prompt: "pizza", seed: 4242, steps: 12, guidance: 5 };
    const ids = [
      await alice.client.generation.create.mutate(params),
      await alice.client.generation.create.mutate(params),
      await alice.client.generation.create.mutate({ ...params, seed: 4243 }),
    ].map((r) => r.id);
    await Promise.all(ids.map((id) => settled(id)));
    const list = await alice.client.generation.list.query({ canvasId });
    const [one, two, other] = await Promise.all(ids.map((id) => assetBytes(alice, list.find((g) => g.id === id)!.images[0]!.assetId)));
    expect(one!.equals(two!)).toBe(true);
    expect(one!.equals(other!)).toBe(false);
  });

  it("stops a running generation within one step of its cancel, keeping nothing", async () => {
    const { id } = await alice.client.generation.create.mutate({ canvasId, prompt: "rocket", ...SLOW });
    await reachedStep(id, 3);
    // Bob did not ask for it and is no owner; Alice asked for it.
    expect(await errorCode(bob.client.generation.cancel.mutate({ id }))).toBe("FORBIDDEN");
    await alice.client.generation.cancel.mutate({ id });
    // The worker's last recorded step before the cancel committed; the step in flight may finish, no more.
    const atCancel = (await rowOf(id)).step;
    await eventually(() => worker.output().includes(`${id}: canceled after step`), 30_000, "the worker to stop");
    const stoppedAt = Number(new RegExp(`${id}: canceled after step (\\d+)`).exec(worker.output())![1]);
    expect(stoppedAt).toBeGreaterThanOrEqual(3);
    expect(stoppedAt).toBeLessThanOrEqual(atCancel + 1);
    expect((await rowOf(id)).status).toBe("canceled");
    expect(await t.db.query.assets.findFirst({ where: eq(assets.generationId, id) })).toBeUndefined();
  });

  it("releases the job on SIGTERM after the current step, and another worker finishes it", async () => {
    const { id } = await alice.client.generation.create.mutate({ canvasId, prompt: "flag of Korea", ...SLOW });
    await reachedStep(id, 3);
    expect(await worker.kill("SIGTERM")).toBe(0);
    expect((await rowOf(id)).status).toBe("queued");
    // Handed on without using up an attempt: only crashes count.
    const job = await t.db.execute(sql`select attempts from graphile_worker.jobs where key = ${`generation:${id}`}`);
    expect(job.rows).toEqual([{ attempts: 0 }]);
    worker = await startWorker(workerEnv);
    await settled(id);
    expect((await rowOf(id)).status).toBe("succeeded");
  });

  it("runs a job again when its worker is killed with SIGKILL mid-job, once the worker's heartbeat goes stale", async () => {
    const { id } = await alice.client.generation.create.mutate({ canvasId, prompt: "smiling face with sunglasses", ...SLOW });
    await reachedStep(id, 3);
    await worker.kill("SIGKILL");
    worker = await startWorker(workerEnv);
    await eventually(async () => (await rowOf(id)).attempts >= 2, 60_000, "the job to run again");
    // The sweeper freed it (graphile-worker alone would wait hours for the dead worker's lock).
    expect(worker.output()).toContain("unlocked the jobs of stopped workers");
    await settled(id);
    expect((await rowOf(id)).status).toBe("succeeded");
  }, 120_000);

  it("fails a generation readably when the model folder is broken, and keeps serving", async () => {
    await worker.kill("SIGTERM");
    worker = await startWorker({ ...workerEnv, MODEL_DIR: "/nonexistent/model" });
    const first = await alice.client.generation.create.mutate({ canvasId, prompt: "cat" });
    await settled(first.id);
    const row = await rowOf(first.id);
    expect(row.status).toBe("failed");
    expect(row.error).toBe("modelUnavailable");
    // The details (a server path) stay in the worker's log, out of collaborators' sight.
    expect(worker.output()).toMatch(/model could not be loaded: .*missing model_index\.json/);
    const second = await alice.client.generation.create.mutate({ canvasId, prompt: "dog" });
    await settled(second.id);
    expect((await rowOf(second.id)).status).toBe("failed");
    expect(worker.child.exitCode).toBeNull();
  }, 60_000);
});
