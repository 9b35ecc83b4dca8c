import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Product } from "@/domain/catalog/catalog";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createTestClient } from "@/test/trpcTestClient";
import { inCatalogOrder } from "./renderOrder";

let t: TestDb;
let tee: Product;

beforeAll(async () => {
  t = await createTestDb();
  tee = (await createTestClient(t.db).client.catalog.products.query()).find((p) => p.id === "tee")!;
}, 60_000);
afterAll(() => t.close());

describe("renders in catalog order", () => {
  it("puts colours in the catalog's order and the front before the back, whatever order the rows come in", () => {
    const [black, white] = [tee.variants.find((v) => v.color === tee.variants[0]!.color)!, tee.variants.find((v) => v.color !== tee.variants[0]!.color)!];
    const [front, back] = tee.printAreas;
    const wanted = [
      { id: "1", variantId: black.id, printAreaId: front!.id },
      { id: "2", variantId: black.id, printAreaId: back!.id },
      { id: "3", variantId: white.id, printAreaId: front!.id },
      { id: "4", variantId: white.id, printAreaId: back!.id },
    ];
    for (const shuffled of [[...wanted].reverse(), [wanted[2]!, wanted[1]!, wanted[3]!, wanted[0]!]]) {
      const ids = shuffled.map((r) => r.id);
      expect(inCatalogOrder(tee, shuffled).map((r) => r.id)).toEqual(["1", "2", "3", "4"]);
      expect(shuffled.map((r) => r.id)).toEqual(ids); // a sorted copy; the caller's rows keep their order
    }
  });
});
