import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listProducts } from "@/server/services/catalog/catalogService";
import { createTestDb, type TestDb } from "@/test/testDb";
import { catalogNames } from "./catalogNames";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("catalog names", () => {
  it("names every product, colour and print area of the catalog in Korean", async () => {
    const ko = catalogNames("ko");
    const untranslated: string[] = [];
    for (const p of await listProducts(t.db)) {
      if (ko.product(p) === p.name) untranslated.push(`product ${p.id}`);
      for (const v of p.variants) if (ko.color(v.color) === v.color) untranslated.push(`colour ${v.color}`);
      for (const a of p.printAreas) if (ko.area(a.name) === a.name) untranslated.push(`area ${a.name}`);
    }
    expect(untranslated).toEqual([]);
    expect([ko.product({ id: "tee", name: "Classic T-shirt" }), ko.color("Heather Grey"), ko.area("Back")]).toEqual(["클래식 티셔츠", "헤더 그레이", "뒷면"]);
  });

  it("keeps the catalog's own English, and shows a name it has no translation for as stored", () => {
    const en = catalogNames("en");
    expect([en.product({ id: "tee", name: "Classic T-shirt" }), en.color("Black"), en.area("Front")]).toEqual(["Classic T-shirt", "Black", "Front"]);
    const ko = catalogNames("ko");
    expect([ko.product({ id: "beanie", name: "Cuffed Beanie" }), ko.color("Mustard"), ko.area("Sleeve")]).toEqual(["Cuffed Beanie", "Mustard", "Sleeve"]);
  });
});
