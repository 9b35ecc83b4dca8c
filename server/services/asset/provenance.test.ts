import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets } from "@/db/schema";
import type { AssetProvenance } from "@/domain/provenance";
import { createTestDb, type TestDb } from "@/test/testDb";
import { errorCode, signedUpClient } from "@/test/trpcTestClient";

type Person = Awaited<ReturnType<typeof signedUpClient>>;

let t: TestDb;
let canvasId: string, otherCanvasId: string;
let owner: Person, viewer: Person, stranger: Person;

const generated: AssetProvenance = {
  generationId: randomUUID(),
  prompt: "red heart",
  negativePrompt: "",
  seed: 7,
  steps: 20,
  guidance: 4,
  scheduler: "ddim",
  width: 64,
  height: 64,
  model: "merchboard-emoji",
  modelHash: "07ded82accadd552",
  provider: "cpu",
  durationMs: 120,
};

/** A ready asset as the worker (provenance) or an upload (none) leaves it. */
async function readyAsset(canvas: string, provenance: AssetProvenance | null) {
  const [row] = await t.db
    .insert(assets)
    .values({ canvasId: canvas, status: "ready", fileName: "a.png", contentType: "image/png", declaredSize: 10, width: 64, height: 64, objectKey: "k", thumbKey: "t", provenance })
    .returning({ id: assets.id });
  return row!.id;
}

beforeAll(async () => {
  t = await createTestDb();
  [owner, viewer, stranger] = await Promise.all([signedUpClient(t.db, "Owner"), signedUpClient(t.db, "Viewer"), signedUpClient(t.db, "Stranger")]);
  ({ id: canvasId } = await owner.client.canvas.create.mutate({ name: "Provenance" }));
  ({ id: otherCanvasId } = await owner.client.canvas.create.mutate({ name: "Elsewhere" }));
  const inv = await owner.client.invite.create.mutate({ canvasId, role: "viewer" });
  await viewer.client.invite.accept.mutate({ token: inv.token });
});
afterAll(() => t.close());

describe("asset.provenance", () => {
  it("gives members what the worker recorded, and null for an upload", async () => {
    const made = await readyAsset(canvasId, generated);
    const uploaded = await readyAsset(canvasId, null);
    expect(await viewer.client.asset.provenance.query({ canvasId, assetId: made })).toEqual(generated);
    expect(await viewer.client.asset.provenance.query({ canvasId, assetId: uploaded })).toBeNull();
  });

  it("keeps the print-ready record of an image made print-ready", async () => {
    const printReady = { sourceAssetId: randomUUID(), network: "merchboard-print-ready", networkHash: "0123456789abcdef", scale: 16, cutout: true as const, sourceWidth: 64, sourceHeight: 64, provider: "cpu", durationMs: 900 };
    const made = await readyAsset(canvasId, { ...generated, printReady });
    expect(await viewer.client.asset.provenance.query({ canvasId, assetId: made })).toEqual({ ...generated, printReady });
  });

  it("answers NOT_FOUND to strangers, for another canvas's asset and for an unknown one", async () => {
    const made = await readyAsset(canvasId, generated);
    const elsewhere = await readyAsset(otherCanvasId, generated);
    expect(await errorCode(stranger.client.asset.provenance.query({ canvasId, assetId: made }))).toBe("NOT_FOUND");
    expect(await errorCode(viewer.client.asset.provenance.query({ canvasId, assetId: elsewhere }))).toBe("NOT_FOUND");
    expect(await errorCode(viewer.client.asset.provenance.query({ canvasId, assetId: randomUUID() }))).toBe("NOT_FOUND");
    expect(await errorCode(viewer.client.asset.provenance.query({ canvasId, assetId: "nope" }))).toBe("BAD_REQUEST");
  });
});
