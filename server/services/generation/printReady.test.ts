import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import sharp from "sharp";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { assets, generations } from "@/db/schema";
import { canvasDoc } from "@/domain/document/canvasDoc";
import type { Shape } from "@/domain/document/shape";
import { resetEnvCache } from "@/server/env";
import { handleAssetRequest } from "@/server/http/assetHandler";
import { ensureBucket } from "@/server/storage/s3";
import { getStorage, type Storage } from "@/server/storage/storage";
import { connectProvider, eventually, sessionCookie, startCollabProcess, synced } from "@/test/collabClients";
import { shapeRecord } from "@/test/designShapes";
import { createTestDb, type TestDb } from "@/test/testDb";
import { errorCode, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";
import { startWorker, type WorkerProcess } from "@/test/workerProcess";

/** "Make print-ready" end to end: the shared queue, the real worker and network, and the live canvas. */

type Person = Awaited<ReturnType<typeof signedUpClient>>;

let t: TestDb;
let storage: Storage;
let canvasId: string;
let alice: Person, bob: Person, carol: Person, dave: Person;
let worker: WorkerProcess;
let collab: Awaited<ReturnType<typeof startCollabProcess>>;
const open: WebsocketProvider[] = [];

const rowOf = (id: string) => t.db.query.generations.findFirst({ where: eq(generations.id, id) }).then((r) => r!);
const settled = (id: string) => eventually(async () => ["succeeded", "failed", "canceled"].includes((await rowOf(id)).status), 90_000, `generation ${id} to finish`);

async function assetPng(who: Person, assetId: string): Promise<Buffer> {
  const cookie = [...who.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await handleAssetRequest(t.db, storage.s3, storage.bucket, new Request(`${TEST_APP_URL}/api/assets/${assetId}`, { headers: { cookie } }), assetId);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function join(who: Person): Promise<Y.Map<Shape>> {
  const { doc, provider } = connectProvider(collab.port, canvasId, await sessionCookie(t.db, who.user.id));
  open.push(provider);
  await synced(provider);
  return canvasDoc(doc).shapes as Y.Map<Shape>;
}

async function generated(who: Person, prompt: string, extra: { upscale?: boolean; output?: "raster" | "vector" } = {}) {
  const { id } = await who.client.generation.create.mutate({ canvasId, prompt, seed: 3, steps: 8, ...extra });
  await settled(id);
  return (await who.client.generation.list.query({ canvasId })).find((g) => g.id === id)!;
}

beforeAll(async () => {
  t = await createTestDb();
  process.env.S3_ENDPOINT = inject("s3Endpoint");
  process.env.S3_BUCKET = `print-${randomBytes(4).toString("hex")}`;
  resetEnvCache();
  storage = getStorage();
  await ensureBucket(storage.s3, storage.bucket);
  [alice, bob, carol, dave] = await Promise.all([signedUpClient(t.db, "Alice"), signedUpClient(t.db, "Bob"), signedUpClient(t.db, "Carol"), signedUpClient(t.db, "Dave")]);
  ({ id: canvasId } = await alice.client.canvas.create.mutate({ name: "Stickers" }));
  for (const [who, role] of [[bob, "editor"], [carol, "viewer"]] as const) {
    const inv = await alice.client.invite.create.mutate({ canvasId, role });
    await who.client.invite.accept.mutate({ token: inv.token });
  }
  collab = await startCollabProcess(t.url);
  worker = await startWorker({ DATABASE_URL: t.url, S3_ENDPOINT: process.env.S3_ENDPOINT, S3_BUCKET: process.env.S3_BUCKET, INFERENCE_DEVICE: "cpu" });
}, 60_000);

afterAll(async () => {
  for (const p of open) p.destroy();
  await worker?.kill("SIGKILL");
  await collab?.stop();
  await t.close();
});

describe("make print-ready", () => {
  it("upscales a placed image on the shared queue and replaces it in place for every member", async () => {
    const heart = await generated(alice, "red heart");
    const source = heart.images[0]!;
    const aliceShapes = await join(alice);
    const bobShapes = await join(bob);
    const placed = shapeRecord("heart-1", { type: "image", src: source.url, x: 120, y: 80, width: 300, height: 300, rotation: 15 });
    aliceShapes.set(placed.id, placed);
    await eventually(() => bobShapes.get(placed.id)?.src === source.url, 10_000, "bob to see the image");

    const { id } = await bob.client.generation.makePrintReady.mutate({ canvasId, assetId: source.assetId, shapeId: placed.id });
    const queued = (await alice.client.generation.list.query({ canvasId })).find((g) => g.id === id)!;
    expect(queued).toMatchObject({ kind: "printReady", sourceAssetId: source.assetId, upscale: true, prompt: "red heart", width: 1024, height: 1024 });
    await settled(id);
    const done = (await alice.client.generation.list.query({ canvasId })).find((g) => g.id === id)!;
    expect(done).toMatchObject({ status: "succeeded", progress: 1, modelName: "merchboard-print-ready" });
    const result = done.images[0]!;
    expect(result).toMatchObject({ width: 1024, height: 1024 });

    // Both members' live documents now show the new image, where the old one was, as big as it was.
    for (const shapes of [aliceShapes, bobShapes]) {
      await eventually(() => shapes.get(placed.id)?.src === result.url, 10_000, "the object to be replaced");
      expect(shapes.get(placed.id)).toMatchObject({ x: 120, y: 80, width: 300, height: 300, rotation: 15 });
    }
    const asset = await t.db.query.assets.findFirst({ where: eq(assets.id, result.assetId) });
    expect(asset!.provenance).toMatchObject({ prompt: "red heart", printReady: { sourceAssetId: source.assetId, network: "merchboard-print-ready", scale: 16, cutout: true, sourceWidth: 64, sourceHeight: 64 } });
    expect(asset!.provenance!.printReady!.networkHash).toMatch(/^[0-9a-f]{16}$/);

    // A real cut-out: the corners (white in the source) are transparent, the heart's middle is opaque.
    const { data, info } = await sharp(await assetPng(carol, result.assetId)).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * 4 + 3]!;
    expect(Math.max(alphaAt(4, 4), alphaAt(1019, 4), alphaAt(4, 1019), alphaAt(1019, 1019))).toBeLessThan(16);
    expect(alphaAt(512, 560)).toBeGreaterThan(240);
  }, 180_000);

  it("gives generations asked for print-ready 1024 px images with alpha, counting the upscale as steps", async () => {
    const g = await generated(bob, "cat face", { upscale: true });
    expect(g).toMatchObject({ status: "succeeded", upscale: true, kind: "generate", totalSteps: 9 });
    expect(g.images[0]).toMatchObject({ width: 1024, height: 1024 });
    const meta = await sharp(await assetPng(bob, g.images[0]!.assetId)).metadata();
    expect(meta).toMatchObject({ format: "png", width: 1024, height: 1024, channels: 4 });
    const asset = await t.db.query.assets.findFirst({ where: eq(assets.id, g.images[0]!.assetId) });
    expect(asset!.provenance).toMatchObject({ prompt: "cat face", steps: 8, printReady: { scale: 16, cutout: true, sourceWidth: 64 } });
  }, 180_000);

  it("traces a placed image to a sanitised vector with the colours asked for, and replaces it in place", async () => {
    const heart = await generated(alice, "red heart");
    const source = heart.images[0]!;
    const shapes = await join(alice);
    const placed = shapeRecord("heart-vector", { type: "image", src: source.url, x: 40, y: 40, width: 200, height: 200 });
    shapes.set(placed.id, placed);
    const { id } = await alice.client.generation.makePrintReady.mutate({ canvasId, assetId: source.assetId, shapeId: placed.id, output: "vector", colors: 4 });
    expect((await alice.client.generation.list.query({ canvasId })).find((g) => g.id === id)).toMatchObject({ output: "vector", colors: 4 });
    await settled(id);
    const done = (await alice.client.generation.list.query({ canvasId })).find((g) => g.id === id)!;
    expect(done.status).toBe("succeeded");
    const result = done.images[0]!;
    await eventually(() => shapes.get(placed.id)?.src === result.url, 10_000, "the object to become the vector");
    const asset = (await t.db.query.assets.findFirst({ where: eq(assets.id, result.assetId) }))!;
    expect(asset).toMatchObject({ contentType: "image/svg+xml", width: 1024, height: 1024 });
    expect(asset.fileName).toMatch(/\.svg$/);
    expect(asset.provenance!.printReady!.vector).toMatchObject({ tracer: "vtracer" });
    expect(asset.provenance!.printReady!.vector!.colors).toBeLessThanOrEqual(4);
    const svg = (await assetPng(bob, result.assetId)).toString("utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const fills = new Set([...svg.matchAll(/fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
    expect(fills.size).toBeGreaterThanOrEqual(2);
    expect(fills.size).toBeLessThanOrEqual(4);
    // The traced heart is red where the raster's middle is, and nothing covers the corners.
    const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4)];
    expect(px(4, 4)[3]).toBe(0);
    const middle = px(Math.round(info.width / 2), Math.round(info.height * 0.55));
    expect(middle[3]).toBe(255);
    expect(middle[0]!).toBeGreaterThan(middle[1]! + 60);
  }, 180_000);

  it("gives generations asked for vector print-ready images SVG assets", async () => {
    const g = await generated(bob, "sun", { upscale: true, output: "vector" });
    expect(g).toMatchObject({ status: "succeeded", output: "vector", colors: null });
    const asset = (await t.db.query.assets.findFirst({ where: eq(assets.id, g.images[0]!.assetId) }))!;
    expect(asset).toMatchObject({ contentType: "image/svg+xml", width: 1024, height: 1024 });
    expect(asset.provenance!.printReady!.vector!.colors).toBeGreaterThanOrEqual(2);
  }, 180_000);

  it("refuses viewers, strangers, other canvases' images, print-ready images and large images, queueing nothing", async () => {
    const list = await alice.client.generation.list.query({ canvasId });
    const small = list.find((g) => g.kind === "generate" && !g.upscale)!.images[0]!;
    const printReady = list.find((g) => g.upscale)!.images[0]!;
    const before = (await t.db.select().from(generations)).length;
    expect(await errorCode(carol.client.generation.makePrintReady.mutate({ canvasId, assetId: small.assetId, shapeId: "x" }))).toBe("FORBIDDEN");
    expect(await errorCode(dave.client.generation.makePrintReady.mutate({ canvasId, assetId: small.assetId, shapeId: "x" }))).toBe("NOT_FOUND");
    const { id: elsewhere } = await dave.client.canvas.create.mutate({ name: "Dave's" });
    expect(await errorCode(dave.client.generation.makePrintReady.mutate({ canvasId: elsewhere, assetId: small.assetId, shapeId: "x" }))).toBe("NOT_FOUND");
    expect(await errorCode(bob.client.generation.makePrintReady.mutate({ canvasId, assetId: printReady.assetId, shapeId: "x" }))).toBe("BAD_REQUEST");
    const [big] = await t.db.insert(assets).values({ canvasId, status: "ready", fileName: "photo.png", contentType: "image/png", declaredSize: 1, width: 2000, height: 1500, objectKey: "x" }).returning();
    expect(await errorCode(bob.client.generation.makePrintReady.mutate({ canvasId, assetId: big!.id, shapeId: "x" }))).toBe("BAD_REQUEST");
    expect(await errorCode(bob.client.generation.makePrintReady.mutate({ canvasId, assetId: "not-a-uuid", shapeId: "x" }))).toBe("BAD_REQUEST");
    expect(await errorCode(bob.client.generation.makePrintReady.mutate({ canvasId, assetId: small.assetId, shapeId: "x".repeat(65) }))).toBe("BAD_REQUEST");
    for (const colors of [1, 17, 2.5]) {
      expect(await errorCode(bob.client.generation.makePrintReady.mutate({ canvasId, assetId: small.assetId, shapeId: "x", output: "vector", colors }))).toBe("BAD_REQUEST");
    }
    expect(await errorCode(bob.client.generation.makePrintReady.mutate({ canvasId, assetId: small.assetId, shapeId: "x", output: "gif" as "vector" }))).toBe("BAD_REQUEST");
    expect(await errorCode(bob.client.generation.create.mutate({ canvasId, prompt: "sun", output: "vector", colors: 99 }))).toBe("BAD_REQUEST");
    expect((await t.db.select().from(generations)).length).toBe(before);
  });

  it("fails a request cleanly when its source image is gone by the time it runs", async () => {
    await worker.kill("SIGTERM");
    const heart = (await alice.client.generation.list.query({ canvasId })).find((g) => g.prompt === "red heart" && g.kind === "generate")!;
    const { id } = await alice.client.generation.makePrintReady.mutate({ canvasId, assetId: heart.images[0]!.assetId, shapeId: "gone" });
    await t.db.delete(assets).where(eq(assets.id, heart.images[0]!.assetId));
    worker = await startWorker({ DATABASE_URL: t.url, S3_ENDPOINT: process.env.S3_ENDPOINT!, S3_BUCKET: process.env.S3_BUCKET!, INFERENCE_DEVICE: "cpu" });
    await settled(id);
    expect(await rowOf(id)).toMatchObject({ status: "failed", error: "sourceGone" });
  }, 90_000);

  it("removes a deleted canvas's images from storage, in a job queued with the deletion", async () => {
    const { id: doomed } = await alice.client.canvas.create.mutate({ name: "Doomed" });
    const { id } = await alice.client.generation.create.mutate({ canvasId: doomed, prompt: "ghost", seed: 5, steps: 4 });
    await settled(id);
    const keys = async () => {
      const res = await storage.s3.send(new ListObjectsV2Command({ Bucket: storage.bucket, Prefix: `assets/${doomed}/` }));
      return (res.Contents ?? []).map((o) => o.Key!);
    };
    expect(await keys()).toHaveLength(2); // the image and its thumbnail
    await alice.client.canvas.delete.mutate({ id: doomed });
    await eventually(async () => (await keys()).length === 0, 30_000, "the canvas's objects to be deleted");
  }, 90_000);
});
