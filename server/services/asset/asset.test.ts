import { randomBytes } from "node:crypto";
import { HeadObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { assets } from "@/db/schema";
import { handleAssetRequest } from "@/server/http/assetHandler";
import { ABANDONED_UPLOAD_MS, dropAbandonedUploads } from "@/server/services/asset/assetService";
import { resetEnvCache } from "@/server/env";
import { ensureBucket } from "@/server/storage/s3";
import { getStorage, type Storage } from "@/server/storage/storage";
import { createTestDb, type TestDb } from "@/test/testDb";
import { errorCode, errorOf, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";

type Person = Awaited<ReturnType<typeof signedUpClient>>;

let t: TestDb;
let storage: Storage;
let canvasId: string;
let owner: Person, editor: Person, viewer: Person, stranger: Person;

beforeAll(async () => {
  t = await createTestDb();
  // The router builds its storage from the environment, so point that at the run's S3 server.
  process.env.S3_ENDPOINT = inject("s3Endpoint");
  process.env.S3_BUCKET = `assets-${randomBytes(4).toString("hex")}`;
  resetEnvCache();
  storage = getStorage();
  await ensureBucket(storage.s3, storage.bucket);

  [owner, editor, viewer, stranger] = await Promise.all([
    signedUpClient(t.db, "Owner"),
    signedUpClient(t.db, "Editor"),
    signedUpClient(t.db, "Viewer"),
    signedUpClient(t.db, "Stranger"),
  ]);
  ({ id: canvasId } = await owner.client.canvas.create.mutate({ name: "Uploads" }));
  for (const [who, role] of [[editor, "editor"], [viewer, "viewer"]] as const) {
    const inv = await owner.client.invite.create.mutate({ canvasId, role });
    await who.client.invite.accept.mutate({ token: inv.token });
  }
});
afterAll(() => t.close());

const cookieOf = (p: { jar: Map<string, string> } | null) => (p ? [...p.jar].map(([k, v]) => `${k}=${v}`).join("; ") : "");

function fetchAsset(who: Person | null, url: string, etag?: string) {
  const req = new Request(new URL(url, TEST_APP_URL), { headers: { cookie: cookieOf(who), ...(etag ? { "if-none-match": etag } : {}) } });
  const assetId = new URL(req.url).pathname.split("/").pop()!;
  return handleAssetRequest(t.db, storage.s3, storage.bucket, req, assetId);
}

async function upload(who: Person, body: Buffer, contentType: "image/png" | "image/jpeg" | "image/webp" | "image/svg+xml", fileName = "art.png") {
  const created = await who.client.asset.createUpload.mutate({ canvasId, contentType, size: body.length, fileName });
  const put = await fetch(created.uploadUrl, { method: created.method, headers: created.headers, body: new Uint8Array(body) });
  expect(put.status).toBe(200);
  return created;
}

async function objectExists(key: string): Promise<boolean> {
  try {
    await storage.s3.send(new HeadObjectCommand({ Bucket: storage.bucket, Key: key }));
    return true;
  } catch (e) {
    // Only "not found" means absent; an outage or a denied request must not pass as "deleted".
    if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw e;
  }
}

async function keysUnder(prefix: string): Promise<string[]> {
  const res = await storage.s3.send(new ListObjectsV2Command({ Bucket: storage.bucket, Prefix: prefix }));
  return (res.Contents ?? []).map((o) => o.Key!);
}

const rowOf = async (id: string) => (await t.db.select().from(assets).where(eq(assets.id, id)))[0];

describe("uploading an image", () => {
  it("goes from a presigned PUT through validation to a served, metadata-free image", async () => {
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#e33" } })
      .png()
      .withExif({ IFD0: { Copyright: "secret-owner" } })
      .toBuffer();
    const created = await editor.client.asset.createUpload.mutate({ canvasId, contentType: "image/png", size: png.length, fileName: "  logo.png " });
    const url = new URL(created.uploadUrl);
    expect(url.pathname).toBe(`/${storage.bucket}/uploads/${canvasId}/${created.assetId}/original`);
    expect(url.searchParams.get("X-Amz-SignedHeaders")?.split(";")).toEqual(expect.arrayContaining(["content-length", "content-type"]));
    expect(url.searchParams.get("X-Amz-Expires")).toBe("600");
    expect([...url.searchParams.keys()].some((k) => k.toLowerCase().startsWith("x-amz-checksum"))).toBe(false);
    expect(created).toMatchObject({ method: "PUT", headers: { "Content-Type": "image/png" } });
    expect(await rowOf(created.assetId)).toMatchObject({ status: "pending", declaredSize: png.length, fileName: "logo.png" });

    const put = await fetch(created.uploadUrl, { method: "PUT", headers: created.headers, body: new Uint8Array(png) });
    expect(put.status).toBe(200);

    const done = await editor.client.asset.completeUpload.mutate({ assetId: created.assetId });
    expect(done).toMatchObject({ id: created.assetId, width: 640, height: 480, contentType: "image/png", fileName: "logo.png" });
    const row = (await rowOf(created.assetId))!;
    expect(row).toMatchObject({
      status: "ready",
      width: 640,
      height: 480,
      objectKey: `assets/${canvasId}/${created.assetId}.png`,
      thumbKey: `assets/${canvasId}/${created.assetId}.thumb.webp`,
    });
    expect(row.byteSize).toBeGreaterThan(0);
    expect(await objectExists(`uploads/${canvasId}/${created.assetId}/original`)).toBe(false);
    expect(await editor.client.asset.completeUpload.mutate({ assetId: created.assetId })).toEqual(done);

    const listed = await viewer.client.asset.list.query({ canvasId });
    expect(listed.find((a) => a.id === created.assetId)).toEqual(done);

    const res = await fetchAsset(viewer, done.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(res.headers.get("etag")).toBe(`"${created.assetId}"`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const served = Buffer.from(await res.arrayBuffer());
    expect(served.length).toBe(row.byteSize);
    const meta = await sharp(served).metadata();
    expect(meta).toMatchObject({ format: "png", width: 640, height: 480 });
    expect(meta.exif).toBeUndefined();

    const thumb = await fetchAsset(viewer, done.thumbUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect(await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).toMatchObject({ format: "webp", width: 512, height: 384 });

    expect((await fetchAsset(stranger, done.url)).status).toBe(404);
    expect((await fetchAsset(stranger, done.thumbUrl)).status).toBe(404);
    expect((await fetchAsset(null, done.url)).status).toBe(401);
  });

  it("lets the browser keep an image only while its holder may still see it: every use is revalidated", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#12b886" } }).png().toBuffer();
    const created = await upload(editor, png, "image/png");
    const done = await editor.client.asset.completeUpload.mutate({ assetId: created.assetId });
    const leaving = await signedUpClient(t.db, "Leaving");
    const inv = await owner.client.invite.create.mutate({ canvasId, role: "viewer" });
    await leaving.client.invite.accept.mutate({ token: inv.token });
    const first = await fetchAsset(leaving, done.url);
    const etag = first.headers.get("etag")!;
    const again = await fetchAsset(leaving, done.url, etag);
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toBe("private, no-cache");
    await owner.client.canvas.removeMember.mutate({ canvasId, userId: leaving.user.id });
    expect((await fetchAsset(leaving, done.url, etag)).status).toBe(404);
  });

  it("re-encodes a JPEG as JPEG", async () => {
    const jpeg = await sharp({ create: { width: 100, height: 60, channels: 3, background: "#36c" } }).jpeg().toBuffer();
    const { assetId } = await upload(owner, jpeg, "image/jpeg", "photo.jpg");
    const done = await owner.client.asset.completeUpload.mutate({ assetId });
    expect(done).toMatchObject({ contentType: "image/jpeg", width: 100, height: 60 });
    expect((await rowOf(assetId))!.objectKey).toBe(`assets/${canvasId}/${assetId}.jpg`);
    const res = await fetchAsset(editor, done.url);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
  });

  it("is for editors and owners: viewers are forbidden, strangers see nothing", async () => {
    const input = { canvasId, contentType: "image/png" as const, size: 100, fileName: "a.png" };
    expect(await errorCode(viewer.client.asset.createUpload.mutate(input))).toBe("FORBIDDEN");
    expect(await errorCode(stranger.client.asset.createUpload.mutate(input))).toBe("NOT_FOUND");
    const { assetId } = await editor.client.asset.createUpload.mutate(input);
    expect(await errorCode(viewer.client.asset.completeUpload.mutate({ assetId }))).toBe("FORBIDDEN");
    expect(await errorCode(stranger.client.asset.completeUpload.mutate({ assetId }))).toBe("NOT_FOUND");
    expect(await errorCode(stranger.client.asset.list.query({ canvasId }))).toBe("NOT_FOUND");
  });

  it("refuses other types, sizes and names up front, recording nothing", async () => {
    const count = async () => (await t.db.select().from(assets).where(eq(assets.canvasId, canvasId))).length;
    const before = await count();
    const tiff = await errorOf(editor.client.asset.createUpload.mutate({ canvasId, contentType: "image/tiff" as "image/png", size: 100, fileName: "x.tiff" }));
    expect(tiff.data?.code).toBe("BAD_REQUEST");
    expect(tiff.message).toMatch(/contentType: must be a PNG, JPEG, WebP or SVG image/);
    const gif = editor.client.asset.createUpload.mutate({ canvasId, contentType: "image/gif" as "image/png", size: 100, fileName: "x.gif" });
    expect(await errorCode(gif)).toBe("BAD_REQUEST");
    const base = { canvasId, contentType: "image/png" as const, fileName: "a.png" };
    expect((await errorOf(editor.client.asset.createUpload.mutate({ ...base, size: 0 }))).message).toMatch(/size/);
    expect((await errorOf(editor.client.asset.createUpload.mutate({ ...base, size: 20 * 1024 * 1024 + 1 }))).message).toMatch(/size: must be at most 20 MB/);
    expect((await errorOf(editor.client.asset.createUpload.mutate({ ...base, size: 10, fileName: "x".repeat(201) }))).message).toMatch(/fileName/);
    expect(await count()).toBe(before);
  });
});

describe("completing an upload", () => {
  it("rejects an SVG that draws nothing once its script is gone, even uploaded as a PNG, keeping nothing of it", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const { assetId } = await upload(editor, svg, "image/png", "totally-a.png");
    const error = await errorOf(editor.client.asset.completeUpload.mutate({ assetId }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/This SVG draws nothing/);
    expect(await rowOf(assetId)).toMatchObject({ status: "rejected", rejectReason: "asset.svgRefused", objectKey: null, width: null });
    expect(await keysUnder(`uploads/${canvasId}/${assetId}/`)).toEqual([]);
    expect((await keysUnder(`assets/${canvasId}/`)).filter((k) => k.includes(assetId))).toEqual([]);
    expect((await editor.client.asset.list.query({ canvasId })).map((a) => a.id)).not.toContain(assetId);
    expect((await fetchAsset(editor, `/api/assets/${assetId}`)).status).toBe(404);
    expect((await errorOf(editor.client.asset.completeUpload.mutate({ assetId }))).message).toMatch(/refused/);
  });

  it("keeps an SVG as its sanitised drawing, served as SVG under a CSP that runs nothing", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><script>alert(1)</script><path d="M0 0h20v20H0z" fill="#00f" onclick="steal()"/></svg>');
    const { assetId } = await upload(editor, svg, "image/svg+xml", "logo.svg");
    const ready = await editor.client.asset.completeUpload.mutate({ assetId });
    expect(ready).toMatchObject({ contentType: "image/svg+xml", width: 40, height: 20 });
    const res = await fetchAsset(editor, `/api/assets/${assetId}`);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'.*sandbox/);
    const body = await res.text();
    expect(body).toContain('<path d="M0 0h20v20H0z" fill="#0000ff"/>');
    expect(body).not.toMatch(/script|onclick/);
  });

  it("waits for a file that has not arrived, leaving the asset pending", async () => {
    const { assetId } = await editor.client.asset.createUpload.mutate({ canvasId, contentType: "image/webp", size: 1000, fileName: "later.webp" });
    const error = await errorOf(editor.client.asset.completeUpload.mutate({ assetId }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/not been uploaded yet/);
    expect((await rowOf(assetId))!.status).toBe("pending");
  });

  it("rejects a file larger than declared, for stores that do not check signed lengths", async () => {
    const noise = { type: "gaussian", mean: 128, sigma: 40 } as const;
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#000", noise } }).png().toBuffer();
    const created = await editor.client.asset.createUpload.mutate({ canvasId, contentType: "image/png", size: 100, fileName: "big.png" });
    await fetch(created.uploadUrl, { method: "PUT", headers: created.headers, body: new Uint8Array(png) });
    expect(await errorCode(editor.client.asset.completeUpload.mutate({ assetId: created.assetId }))).toBe("BAD_REQUEST");
    expect(await rowOf(created.assetId)).toMatchObject({ status: "rejected", rejectReason: "asset.sizeMismatch" });
  });

  it("answers NOT_FOUND for an unknown asset, and the route 404 for a malformed id", async () => {
    expect(await errorCode(editor.client.asset.completeUpload.mutate({ assetId: crypto.randomUUID() }))).toBe("NOT_FOUND");
    expect((await fetchAsset(editor, "/api/assets/not-an-id")).status).toBe(404);
  });
});

describe("abandoned uploads", () => {
  it("are removed after a day with their files; fresh and ready ones stay", async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#0a0" } }).png().toBuffer();
    const abandoned = await upload(editor, png, "image/png", "abandoned.png");
    const fresh = await editor.client.asset.createUpload.mutate({ canvasId, contentType: "image/png", size: 10, fileName: "fresh.png" });
    const ready = await upload(editor, png, "image/png", "ready.png");
    await editor.client.asset.completeUpload.mutate({ assetId: ready.assetId });
    await t.db.update(assets).set({ createdAt: new Date(Date.now() - 2 * ABANDONED_UPLOAD_MS) }).where(inArray(assets.id, [abandoned.assetId, ready.assetId]));

    expect(await dropAbandonedUploads(t.db, storage)).toBe(1);
    expect(await rowOf(abandoned.assetId)).toBeUndefined();
    expect(await keysUnder(`uploads/${canvasId}/${abandoned.assetId}/`)).toEqual([]);
    expect((await rowOf(fresh.assetId))!.status).toBe("pending");
    expect((await rowOf(ready.assetId))!.status).toBe("ready");
    expect(await dropAbandonedUploads(t.db, storage)).toBe(0);
  });
});

describe("upload completion limits", () => {
  it("completes at most 120 uploads per person in 10 minutes, even all at once; others are not affected", async () => {
    const busy = await signedUpClient(t.db, "Busy");
    await busy.client.invite.accept.mutate({ token: (await owner.client.invite.create.mutate({ canvasId, role: "editor" })).token });
    const pending = await busy.client.asset.createUpload.mutate({ canvasId, contentType: "image/png", size: 100, fileName: "never.png" });
    const calls = Array.from({ length: 125 }, () => errorCode(busy.client.asset.completeUpload.mutate({ assetId: pending.assetId })));
    const counts: Record<string, number> = {};
    for (const code of await Promise.all(calls)) counts[code] = (counts[code] ?? 0) + 1;
    // Each completion that runs reads the store (and would decode an image); the rest are refused first.
    expect(counts).toEqual({ BAD_REQUEST: 120, TOO_MANY_REQUESTS: 5 });
    expect(await errorCode(editor.client.asset.completeUpload.mutate({ assetId: pending.assetId }))).toBe("BAD_REQUEST");
  });
});
