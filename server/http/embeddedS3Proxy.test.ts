import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { requireCanvasRole } from "../services/canvas/access";
import { completeUpload, createUpload } from "../services/asset/assetService";
import { uploadKey } from "../storage/objectKeys";
import { UPLOAD_URL_TTL_SECONDS } from "../storage/presign";
import { createS3, ensureBucket, type S3Config } from "../storage/s3";
import type { Storage } from "../storage/storage";
import { makeUser } from "@/test/fixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createCanvas } from "../services/canvas/canvasService";
import { createEmbeddedS3Proxy } from "./embeddedS3Proxy";

let t: TestDb;
let server: http.Server;
let base: string;
let storage: Storage;
let config: S3Config;

beforeAll(async () => {
  t = await createTestDb();
  const bucket = `proxy-${randomBytes(4).toString("hex")}`;
  // A secret of this run's own, as `npm start` makes one per data folder.
  config = { endpoint: inject("s3Endpoint"), bucket, region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: randomBytes(32).toString("hex") };
  const proxy = createEmbeddedS3Proxy(t.db, config.endpoint!, bucket, config);
  server = http.createServer((req, res) => void proxy(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  storage = { s3: createS3(config), bucket, presigner: createS3({ ...config, endpoint: `${base}/s3` }) };
  await ensureBucket(storage.s3, bucket);
});
afterAll(async () => {
  server.close();
  await t.close();
});

describe("uploads to the embedded S3 through the app's origin", () => {
  it("accepts the presigned PUT of a pending asset, and nothing else", async () => {
    const user = await makeUser(t.db, "Uploader");
    const { id } = await createCanvas(t.db, { userId: user.id }, { name: "Proxy" });
    const access = await requireCanvasRole(t.db, user.id, id, "editor");
    const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: "#7950f2" } }).png().toBuffer();
    const up = await createUpload(t.db, storage, access, { contentType: "image/png", size: png.length, fileName: "a.png" });
    expect(up.uploadUrl.startsWith(`${base}/s3/`)).toBe(true);

    // A longer body than declared: its Content-Length is not the signed one.
    const tooBig = await fetch(up.uploadUrl, { method: "PUT", headers: up.headers, body: new Uint8Array(Buffer.concat([png, Buffer.alloc(10)])) });
    expect(tooBig.status).toBe(403);
    const ok = await fetch(up.uploadUrl, { method: "PUT", headers: up.headers, body: new Uint8Array(png) });
    expect(ok.status).toBe(200);
    const asset = await completeUpload(t.db, storage, access, { assetId: up.assetId });
    expect(asset).toMatchObject({ width: 32, height: 24 });

    // The same URL again (the asset is no longer pending), a read, and another key are all refused.
    expect((await fetch(up.uploadUrl, { method: "PUT", headers: up.headers, body: new Uint8Array(png) })).status).toBe(403);
    expect((await fetch(up.uploadUrl.split("?")[0]!)).status).toBe(403);
    expect((await fetch(`${base}/s3/${storage.bucket}/assets/${id}/${up.assetId}.png`, { method: "PUT", body: "x" })).status).toBe(403);
  });

  it("refuses the PUT of a pending upload without our signature: none, forged, another key's, another asset's, another type, expired", async () => {
    const user = await makeUser(t.db, "Forger");
    const { id } = await createCanvas(t.db, { userId: user.id }, { name: "Signed" });
    const access = await requireCanvasRole(t.db, user.id, id, "editor");
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#12b886" } }).png().toBuffer();
    const up = await createUpload(t.db, storage, access, { contentType: "image/png", size: png.length, fileName: "a.png" });
    const other = await createUpload(t.db, storage, access, { contentType: "image/png", size: png.length, fileName: "b.png" });
    const put = (url: string, contentType = "image/png") => fetch(url, { method: "PUT", headers: { "Content-Type": contentType }, body: new Uint8Array(png) }).then((r) => r.status);
    const [path, query] = up.uploadUrl.split("?") as [string, string];
    const presign = (secretAccessKey: string, signingDate?: Date) =>
      getSignedUrl(
        createS3({ ...config, secretAccessKey, endpoint: `${base}/s3` }),
        new PutObjectCommand({ Bucket: storage.bucket, Key: uploadKey(id, up.assetId), ContentType: "image/png", ContentLength: png.length }),
        { expiresIn: UPLOAD_URL_TTL_SECONDS, signableHeaders: new Set(["content-type", "content-length"]), signingDate },
      );

    expect(await put(path)).toBe(403);
    const sig = new URLSearchParams(query).get("X-Amz-Signature")!;
    expect(await put(up.uploadUrl.replace(sig, sig.replace(/^./, (c) => (c === "0" ? "1" : "0"))))).toBe(403);
    expect(await put(await presign("S3RVER"))).toBe(403);
    expect(await put(`${other.uploadUrl.split("?")[0]}?${query}`)).toBe(403);
    expect(await put(up.uploadUrl, "image/webp")).toBe(403);
    expect(await put(await presign(config.secretAccessKey, new Date(Date.now() - (UPLOAD_URL_TTL_SECONDS + 60) * 1000)))).toBe(403);
    // Nothing reached the store; the real URL still works.
    expect(await put(up.uploadUrl)).toBe(200);
  });

  it("answers malformed ids with a refusal at once, instead of a failed uuid cast and a hung request", async () => {
    const dashes = "-".repeat(36);
    const res = await fetch(`${base}/s3/${storage.bucket}/uploads/${dashes}/${dashes}/original`, { method: "PUT", body: "x", signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(403);
  });
});
