import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadKey } from "@/server/storage/objectKeys";
import { createS3 } from "@/server/storage/s3";
import { startApp, trpcCall, waitHealthy, type AppProcess } from "@/test/appProcess";
import { freePort } from "@/test/freePort";
import { ensureProductionBuild } from "@/test/productionBuild";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-security-"));
let app: AppProcess;

beforeAll(async () => {
  ensureProductionBuild();
  app = startApp({ port: await freePort(), pgPort: await freePort(), dataDir });
  await waitHealthy(app, 120_000);
}, 600_000);
afterAll(async () => {
  if (app?.child.exitCode === null) {
    const exited = new Promise((r) => app.child.once("exit", r));
    app.child.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start's security wiring", () => {
  it("counts sign-ins by the socket's address: headers naming other addresses change nothing", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await fetch(`${app.origin}/api/trpc/auth.signIn`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: app.origin,
          // What a client might claim; without TRUST_PROXY neither counts.
          "x-merchboard-client-address": `203.0.113.${i}`,
          "x-forwarded-for": `198.51.100.${i}`,
        },
        body: JSON.stringify({ json: { email: `sprayed${i}@example.com`, password: "Winter2026!" } }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("refuses upload URLs not signed with the data folder's own secret key", async () => {
    const secret = fs.readFileSync(path.join(dataDir, "s3-secret"), "utf8").trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const { setCookie } = await trpcCall(app, "auth.signUp", { email: "uploader@example.com", password: "correct horse battery", name: "Uploader" });
    const cookie = setCookie!.split(";")[0]!;
    const { data: canvas } = await trpcCall<{ id: string }>(app, "canvas.create", { name: "Signed uploads" }, cookie);
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#228be6" } }).png().toBuffer();
    const { data: up } = await trpcCall<{ assetId: string; uploadUrl: string }>(app, "asset.createUpload", { canvasId: canvas.id, contentType: "image/png", size: png.length, fileName: "a.png" }, cookie);
    expect(up.uploadUrl.startsWith(`${app.origin}/s3/`)).toBe(true);

    // The same URL signed with the embedded server's public default key.
    const withDefaultKey = await getSignedUrl(
      createS3({ endpoint: `${app.origin}/s3`, bucket: "merchboard", region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER" }),
      new PutObjectCommand({ Bucket: "merchboard", Key: uploadKey(canvas.id, up.assetId), ContentType: "image/png", ContentLength: png.length }),
      { expiresIn: 600, signableHeaders: new Set(["content-type", "content-length"]) },
    );
    const put = (url: string) => fetch(url, { method: "PUT", headers: { "content-type": "image/png" }, body: new Uint8Array(png) }).then((r) => r.status);
    expect(await put(withDefaultKey)).toBe(403);
    expect(await put(up.uploadUrl)).toBe(200);
  });
});
