import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generations } from "@/db/schema";
import { resetEnvCache } from "@/server/env";
import { handleAssetRequest } from "@/server/http/assetHandler";
import { ensureBucket } from "@/server/storage/s3";
import { getStorage, type Storage } from "@/server/storage/storage";
import { eventually } from "@/test/collabClients";
import { createTestDb, type TestDb } from "@/test/testDb";
import { errorOf, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";
import { startWorker, type WorkerProcess } from "@/test/workerProcess";

/** Korean prompts, from generation.create through the real worker and the bundled model. */

type Person = Awaited<ReturnType<typeof signedUpClient>>;

let t: TestDb;
let storage: Storage;
let canvasId: string;
let ana: Person;
let worker: WorkerProcess | undefined;

const rowOf = (id: string) => t.db.query.generations.findFirst({ where: eq(generations.id, id) }).then((r) => r!);
const rowCount = async () => Number(((await t.db.execute(sql`select count(*) as n from generations`)).rows[0] as { n: string }).n);
const settled = (id: string) => eventually(async () => ["succeeded", "failed", "canceled"].includes((await rowOf(id)).status), 60_000, `generation ${id} to finish`);

async function firstImage(id: string): Promise<Buffer> {
  const g = (await ana.client.generation.list.query({ canvasId })).find((x) => x.id === id)!;
  expect(g.status).toBe("succeeded");
  const assetId = g.images[0]!.assetId;
  const cookie = [...ana.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await handleAssetRequest(t.db, storage.s3, storage.bucket, new Request(`${TEST_APP_URL}/api/assets/${assetId}`, { headers: { cookie } }), assetId);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  t = await createTestDb();
  process.env.S3_ENDPOINT = inject("s3Endpoint");
  process.env.S3_BUCKET = `ko-${randomBytes(4).toString("hex")}`;
  resetEnvCache();
  storage = getStorage();
  await ensureBucket(storage.s3, storage.bucket);
  ana = await signedUpClient(t.db, "Ana");
  ({ id: canvasId } = await ana.client.canvas.create.mutate({ name: "한국어" }));
}, 60_000);

afterAll(async () => {
  await worker?.kill("SIGKILL");
  await t.close();
});

describe("a Korean prompt", () => {
  it("is stored as typed beside what the model understood, and listed with it", async () => {
    const korean = await ana.client.generation.create.mutate({ canvasId, prompt: "빨간 하트" });
    const mixed = await ana.client.generation.create.mutate({ canvasId, prompt: "하트 with sunglasses" });
    const english = await ana.client.generation.create.mutate({ canvasId, prompt: "red heart" });
    expect(await rowOf(korean.id)).toMatchObject({ prompt: "빨간 하트", understood: "red heart" });

    const list = await ana.client.generation.list.query({ canvasId });
    const byId = (id: string) => list.find((g) => g.id === id)!;
    expect(byId(korean.id)).toMatchObject({ prompt: "빨간 하트", understood: "red heart" });
    expect(byId(mixed.id)).toMatchObject({ prompt: "하트 with sunglasses", understood: "heart with sunglasses" });
    expect(byId(english.id)).toMatchObject({ prompt: "red heart", understood: null });
    await ana.client.generation.cancel.mutate({ id: korean.id });
    await ana.client.generation.cancel.mutate({ id: mixed.id });
    await ana.client.generation.cancel.mutate({ id: english.id });
  });

  it("with no word the model knows is refused, and nothing is queued", async () => {
    const before = await rowCount();
    const e = await errorOf(ana.client.generation.create.mutate({ canvasId, prompt: "김치찌개, 된장!" }));
    expect(e.data?.code).toBe("BAD_REQUEST");
    expect((e.data as { reason?: string }).reason).toBe("generation.promptNotUnderstood");
    expect(await rowCount()).toBe(before);
  });

  it("reaches the model as its English: the same pixels as the English prompt with the same seed", async () => {
    worker = await startWorker({ DATABASE_URL: t.url, S3_ENDPOINT: process.env.S3_ENDPOINT!, S3_BUCKET: process.env.S3_BUCKET!, INFERENCE_DEVICE: "cpu" });
    const params = { canvasId, seed: 2604, steps: 8 };
    const korean = await ana.client.generation.create.mutate({ ...params, prompt: "빨간 하트" });
    const english = await ana.client.generation.create.mutate({ ...params, prompt: "red heart" });
    const other = await ana.client.generation.create.mutate({ ...params, prompt: "ghost" });
    await Promise.all([settled(korean.id), settled(english.id), settled(other.id)]);
    const [k, e, o] = await Promise.all([firstImage(korean.id), firstImage(english.id), firstImage(other.id)]);
    expect(k.equals(e)).toBe(true);
    // The seed alone does not decide the pixels: the prompt the model was handed does.
    expect(k.equals(o)).toBe(false);
  }, 120_000);
});
