import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMockupRequest } from "@/server/http/mockupHandler";
import type { Storage } from "@/server/storage/storage";
import { createTestDb, type TestDb } from "@/test/testDb";
import { rect, writeShapes } from "@/test/designShapes";
import { freshBucket } from "@/test/testStorage";
import { errorCode, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";
import { runMockups } from "@/worker/mockup/mockupRun";

type Person = Awaited<ReturnType<typeof signedUpClient>>;

let t: TestDb;
let storage: Storage;

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("mockup");
}, 60_000);
afterAll(() => t.close());

async function team() {
  const [owner, viewer, stranger] = await Promise.all([signedUpClient(t.db, "Owner"), signedUpClient(t.db, "Viewer"), signedUpClient(t.db, "Stranger")]);
  const { id } = await owner.client.canvas.create.mutate({ name: "Hoodie drop" });
  const inv = await owner.client.invite.create.mutate({ canvasId: id, role: "viewer" });
  await viewer.client.invite.accept.mutate({ token: inv.token });
  return { id, owner, viewer, stranger };
}

async function fetchMockup(who: Person, url: string) {
  const cookie = [...who.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  return handleMockupRequest(t.db, storage.s3, storage.bucket, new Request(`${TEST_APP_URL}${url}`, { headers: { cookie } }), url.split("/").pop()!);
}

describe("HQ mockups", () => {
  it("render every print area in every chosen colour at 2000 px, each colour its own, for members only", async () => {
    const { id, owner, viewer, stranger } = await team();
    await owner.client.canvas.setProduct.mutate({ id, productId: "hoodie", variantId: "hoodie-black-m" });
    // A green front and a blue back, each filling its print area's artboard (at most 1200 units).
    await writeShapes(t.db, id, [rect({ width: 1200, height: 1200, fill: "#00ff00", area: "hoodie-front" }), rect({ width: 1200, height: 1200, fill: "#0000ff", area: "hoodie-back" })]);
    const { batchId } = await owner.client.mockup.create.mutate({ canvasId: id, variantIds: ["hoodie-black-m", "hoodie-white-m"] });
    const [queued] = await viewer.client.mockup.list.query({ canvasId: id });
    expect(queued!.batchId).toBe(batchId);
    expect(queued!.renders.map((r) => [r.variantId, r.printAreaId, r.status]).sort()).toEqual([
      ["hoodie-black-m", "hoodie-back", "queued"],
      ["hoodie-black-m", "hoodie-front", "queued"],
      ["hoodie-white-m", "hoodie-back", "queued"],
      ["hoodie-white-m", "hoodie-front", "queued"],
    ]);
    await runMockups(t.db, storage, batchId);
    const [done] = await viewer.client.mockup.list.query({ canvasId: id });
    expect(done!.renders.every((r) => r.status === "succeeded" && r.url)).toBe(true);

    /** The RGB of a pixel of a mockup, in scene units (1000 across, so 2 px a unit here). */
    const pixel = async (variantId: string, printAreaId: string, x: number, y: number) => {
      const r = done!.renders.find((m) => m.variantId === variantId && m.printAreaId === printAreaId)!;
      const res = await fetchMockup(viewer, r.url!);
      expect(res.status).toBe(200);
      const png = Buffer.from(await res.arrayBuffer());
      const meta = await sharp(png).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", 2000, 2000]);
      const { data } = await sharp(png).removeAlpha().extract({ left: x * 2, top: y * 2, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
      return [...data] as [number, number, number];
    };
    // The hoodie's lower body (scene 600, 800) is the variant's colour.
    const black = await pixel("hoodie-black-m", "hoodie-front", 600, 800);
    const white = await pixel("hoodie-white-m", "hoodie-front", 600, 800);
    expect(Math.max(...black)).toBeLessThan(90);
    expect(Math.min(...white)).toBeGreaterThan(150);
    // The design is on the chest (the front's print box starts at scene y 290, centred on x 500),
    // and the back shows the back's design, on either colour.
    for (const variantId of ["hoodie-black-m", "hoodie-white-m"]) {
      const [r, g, b] = await pixel(variantId, "hoodie-front", 500, 340);
      expect(g).toBeGreaterThan(100);
      expect(g).toBeGreaterThan(2 * Math.max(r, b));
      const [r2, g2, b2] = await pixel(variantId, "hoodie-back", 500, 350);
      expect(b2).toBeGreaterThan(100);
      expect(b2).toBeGreaterThan(2 * Math.max(r2, g2));
    }
    expect((await fetchMockup(stranger, done!.renders[0]!.url!)).status).toBe(404);
  }, 120_000);

  it("refuses viewers, strangers, canvases without a product and variants of other products", async () => {
    const { id, owner, viewer, stranger } = await team();
    expect(await errorCode(owner.client.mockup.create.mutate({ canvasId: id, variantIds: ["tee-red-m"] }))).toBe("NOT_FOUND");
    await owner.client.canvas.setProduct.mutate({ id, productId: "mug", variantId: "mug-white-11-oz" });
    expect(await errorCode(viewer.client.mockup.create.mutate({ canvasId: id, variantIds: ["mug-white-11-oz"] }))).toBe("FORBIDDEN");
    expect(await errorCode(stranger.client.mockup.create.mutate({ canvasId: id, variantIds: ["mug-white-11-oz"] }))).toBe("NOT_FOUND");
    expect(await errorCode(owner.client.mockup.create.mutate({ canvasId: id, variantIds: ["tee-red-m"] }))).toBe("NOT_FOUND");
    expect(await errorCode(owner.client.mockup.create.mutate({ canvasId: id, variantIds: [] }))).toBe("BAD_REQUEST");
    // Nothing on the mug yet: nothing worth a picture.
    expect(await errorCode(owner.client.mockup.create.mutate({ canvasId: id, variantIds: ["mug-white-11-oz"] }))).toBe("BAD_REQUEST");
    expect(await owner.client.mockup.list.query({ canvasId: id })).toEqual([]);
  });

  it("skip print areas with nothing on them (a blank back is no picture)", async () => {
    const { id, owner } = await team();
    await owner.client.canvas.setProduct.mutate({ id, productId: "hoodie", variantId: "hoodie-black-m" });
    await writeShapes(t.db, id, [rect({ width: 600, height: 600, fill: "#00ff00", area: "hoodie-front" }), rect({ width: 600, height: 600, area: "hoodie-back", hidden: true })]);
    await owner.client.mockup.create.mutate({ canvasId: id, variantIds: ["hoodie-black-m", "hoodie-white-m"] });
    const [batch] = await owner.client.mockup.list.query({ canvasId: id });
    expect(batch!.renders.map((r) => [r.variantId, r.printAreaId]).sort()).toEqual([
      ["hoodie-black-m", "hoodie-front"],
      ["hoodie-white-m", "hoodie-front"],
    ]);
  });
});
