import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canvases } from "@/db/schema";
import { printPixels, productColors } from "@/domain/catalog/catalog";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createTestClient, errorCode, signedUpClient } from "@/test/trpcTestClient";
import { announcedProduct, canvasDoc } from "@/domain/document/canvasDoc";
import { loadDoc } from "../canvas/docStore";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function team() {
  const owner = await signedUpClient(t.db, "Owner");
  const editor = await signedUpClient(t.db, "Editor");
  const viewer = await signedUpClient(t.db, "Viewer");
  const stranger = await signedUpClient(t.db, "Stranger");
  const { id } = await owner.client.canvas.create.mutate({ name: "Merch drop" });
  for (const [who, role] of [[editor, "editor"], [viewer, "viewer"]] as const) {
    const inv = await owner.client.invite.create.mutate({ canvasId: id, role });
    await who.client.invite.accept.mutate({ token: inv.token });
  }
  return { id, owner, editor, viewer, stranger };
}

describe("catalog.products", () => {
  it("lists every kind of good with variants and print areas, without a session", async () => {
    const products = await createTestClient(t.db).client.catalog.products.query();
    expect(products.map((p) => p.kind)).toEqual(["tshirt", "hoodie", "mug", "tote", "poster", "stickers", "phone_case"]);
    const tee = products.find((p) => p.kind === "tshirt")!;
    expect(productColors(tee).length).toBeGreaterThanOrEqual(6);
    expect([...new Set(tee.variants.map((v) => v.size))]).toEqual(["S", "M", "L", "XL", "2XL", "3XL"]);
    expect(tee.printAreas.map((a) => a.name)).toEqual(["Front", "Back"]);
    expect(products.find((p) => p.kind === "hoodie")!.printAreas.map((a) => a.name)).toEqual(["Front", "Back"]);
    expect(new Set(products.find((p) => p.kind === "poster")!.variants.map((v) => v.size))).toEqual(new Set(["A3", "A2"]));
    expect(new Set(products.find((p) => p.kind === "phone_case")!.variants.map((v) => v.size)).size).toBeGreaterThanOrEqual(2);
    for (const p of products) {
      expect(Number.isInteger(p.basePrice) && p.basePrice > 0).toBe(true);
      for (const v of p.variants) expect(v.colorHex).toMatch(/^#[0-9a-f]{6}$/);
      for (const a of p.printAreas) expect([150, 300]).toContain(a.dpi);
    }
  });

  it("has print areas of the published sizes", async () => {
    const areas = (await createTestClient(t.db).client.catalog.products.query()).flatMap((p) => p.printAreas.map((a) => [p.kind, a] as const));
    const area = (kind: string, name: string) => areas.find(([k, a]) => k === kind && a.name === name)![1];
    expect(printPixels(area("tshirt", "Front"))).toEqual({ width: 1800, height: 2400 });
    expect(printPixels(area("mug", "Wrap-around"))).toEqual({ width: 2700, height: 1050 });
    expect(printPixels(area("poster", "Print"))).toEqual({ width: 4961, height: 7016 });
    // Fabric prints at 150 DPI; mugs, paper, stickers and cases at 300.
    for (const [kind, a] of areas) expect(a.dpi).toBe(["tshirt", "hoodie", "tote"].includes(kind) ? 150 : 300);
  });
});

describe("canvas.setProduct", () => {
  it("binds a canvas to a product for editors and owners, and canvas.get shows it", async () => {
    const { id, owner, editor, viewer } = await team();
    expect((await owner.client.canvas.get.query({ id })).product).toBeNull();
    const updated = await editor.client.canvas.setProduct.mutate({ id, productId: "tee", variantId: "tee-navy-l" });
    expect(updated.product).toEqual({ productId: "tee", variantId: "tee-navy-l" });
    expect((await viewer.client.canvas.get.query({ id })).product).toEqual({ productId: "tee", variantId: "tee-navy-l" });
    await owner.client.canvas.setProduct.mutate({ id, productId: "mug", variantId: "mug-black-11-oz" });
    expect((await editor.client.canvas.get.query({ id })).product).toEqual({ productId: "mug", variantId: "mug-black-11-oz" });
  });

  it("tells every open editor through the document", async () => {
    const { id, owner } = await team();
    await owner.client.canvas.setProduct.mutate({ id, productId: "hoodie", variantId: "hoodie-maroon-m" });
    const { doc } = await loadDoc(t.db, id);
    expect(announcedProduct(canvasDoc(doc))).toEqual({ productId: "hoodie", variantId: "hoodie-maroon-m" });
    await owner.client.canvas.clearProduct.mutate({ id });
    expect(announcedProduct(canvasDoc((await loadDoc(t.db, id)).doc))).toBeNull();
    expect((await owner.client.canvas.get.query({ id })).product).toBeNull();
  });

  it("refuses viewers, hides the canvas from strangers, and rejects unknown products and variants without changing anything", async () => {
    const { id, owner, viewer, stranger } = await team();
    await owner.client.canvas.setProduct.mutate({ id, productId: "tote", variantId: "tote-natural-15-16-in" });
    expect(await errorCode(viewer.client.canvas.setProduct.mutate({ id, productId: "tee", variantId: "tee-red-m" }))).toBe("FORBIDDEN");
    expect(await errorCode(stranger.client.canvas.setProduct.mutate({ id, productId: "tee", variantId: "tee-red-m" }))).toBe("NOT_FOUND");
    expect(await errorCode(owner.client.canvas.setProduct.mutate({ id, productId: "spaceship", variantId: "tee-red-m" }))).toBe("NOT_FOUND");
    // A real variant of another product is as unknown as a made-up one.
    expect(await errorCode(owner.client.canvas.setProduct.mutate({ id, productId: "tee", variantId: "mug-white-11-oz" }))).toBe("NOT_FOUND");
    expect(await errorCode(owner.client.canvas.setProduct.mutate({ id, productId: "x".repeat(65), variantId: "y" }))).toBe("BAD_REQUEST");
    const [row] = await t.db.select().from(canvases).where(eq(canvases.id, id));
    expect([row!.productId, row!.variantId]).toEqual(["tote", "tote-natural-15-16-in"]);
    expect(announcedProduct(canvasDoc((await loadDoc(t.db, id)).doc))).toEqual({ productId: "tote", variantId: "tote-natural-15-16-in" });
  });
});
