import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Product } from "@/domain/catalog/catalog";
import { publishedTee } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient } from "@/test/trpcTestClient";
import { shopSitemap } from "./sitemapEntries";
import { listStorefront, sellerWithShop } from "./storefront";

let t: TestDb;
let products: Product[];

beforeAll(async () => {
  t = await createTestDb();
  await freshBucket("storefront");
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(() => t.close());

describe("the storefront", () => {
  it("lists what is on sale, newest first, by seller too; a product page names its seller", async () => {
    const older = await publishedTee(t.db, products, { title: "밤 부엉이 티셔츠" });
    const newer = await publishedTee(t.db, products, { title: "Sun Tee", price: 30000, currency: "KRW" });
    const gone = await publishedTee(t.db, products, { title: "Gone Tee" });
    await gone.owner.client.listing.unpublish.mutate({ id: gone.id });

    const all = await listStorefront(t.db);
    const slugs = all.map((i) => i.slug);
    expect(slugs.indexOf(newer.slug)).toBeLessThan(slugs.indexOf(older.slug));
    expect(slugs).not.toContain(gone.slug);
    expect(all.find((i) => i.slug === newer.slug)).toMatchObject({ title: "Sun Tee", price: 30000, currency: "KRW", productName: "Classic T-shirt", seller: { id: newer.owner.user.id, name: "Seller" } });

    const own = await listStorefront(t.db, { sellerId: older.owner.user.id });
    expect(own.map((i) => i.slug)).toEqual([older.slug]);
    expect(await sellerWithShop(t.db, older.owner.user.id)).toEqual({ id: older.owner.user.id, name: "Seller" });
    // Someone with nothing on sale has no shop page.
    expect(await sellerWithShop(t.db, gone.owner.user.id)).toBeNull();

    const page = await createTestClient(t.db).client.listing.get.query({ slug: older.slug });
    expect(page.seller).toEqual({ id: older.owner.user.id, name: "Seller" });
  }, 60_000);

  it("puts every product on sale and every seller's page in the sitemap, escaped", async () => {
    const tee = await publishedTee(t.db, products, { title: "고양이 티셔츠" });
    const paths = (await shopSitemap(t.db)).map((e) => e.path);
    expect(paths[0]).toBe("/shop");
    expect(paths).toContain(`/p/${encodeURIComponent(tee.slug)}`);
    expect(paths).toContain(`/shop/${tee.owner.user.id}`);
  }, 60_000);
});
