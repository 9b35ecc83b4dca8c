import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { DEFAULT_RATES } from "@/domain/shop/shipping";
import { address, publishedTee, shopAdminClient, TEE_PRICE } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createTestClient, errorOf, signedUpClient } from "@/test/trpcTestClient";

let t: TestDb;
let products: Product[];

beforeAll(async () => {
  t = await createTestDb();
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(() => t.close());

describe("the shop's shipping table", () => {
  it("starts from the defaults, which anyone may read before paying", async () => {
    const table = await createTestClient(t.db).client.shipping.table.query();
    expect(table).toEqual({ originCountry: "US", zoneCountries: ["CA", "MX"], rates: DEFAULT_RATES });
  });

  it("is replaced whole by a shop admin, and checkout charges by it: domestic, zone, rest of the world, free over a threshold", async () => {
    const admin = await shopAdminClient(t.db, "Rates");
    const rates = structuredClone(DEFAULT_RATES);
    rates.USD.domestic = { first: 600, each: 100, freeFrom: 5000 };
    rates.USD.zone = { first: 900, each: 0, freeFrom: null };
    rates.USD.world = { first: 2000, each: 500, freeFrom: null };
    await admin.client.shipping.save.mutate({ zoneCountries: ["CA", "KR", "US"], rates });
    const table = await admin.client.shipping.table.query();
    expect(table.zoneCountries).toEqual(["CA", "KR"]); // the shop's own country is domestic, never zone
    expect(table.rates.USD.world).toEqual({ first: 2000, each: 500, freeFrom: null });

    const tee = await publishedTee(t.db, products);
    const shopper = createTestClient(t.db);
    await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 1 });
    const quote = (country: string) => shopper.client.checkout.quote.query({ country });
    expect(await quote("US")).toMatchObject({ shipping: 600, shippingZone: "domestic", total: TEE_PRICE + 600 });
    expect(await quote("KR")).toMatchObject({ shipping: 900, shippingZone: "zone" });
    expect(await quote("DE")).toMatchObject({ shipping: 2000, shippingZone: "world" });
    await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-l", quantity: 1 });
    expect(await quote("US")).toMatchObject({ shipping: 0 }); // 56.00 ≥ 50.00
    expect(await quote("DE")).toMatchObject({ shipping: 2500 });

    const { orderId } = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "far@example.com", shippingAddress: { name: "Grete", line1: "Hauptstr. 1", city: "Berlin", postalCode: "10115", country: "DE" } });
    const [order] = await t.db.select({ shipping: orders.shipping, total: orders.total }).from(orders).where(eq(orders.id, orderId));
    expect(order).toEqual({ shipping: 2500, total: 2 * TEE_PRICE + 2500 });
  });

  it("refuses anyone but a shop admin, and a rate that is negative, fractional or absurd, changing nothing", async () => {
    const seller = await signedUpClient(t.db, "Seller");
    const admin = await shopAdminClient(t.db, "Rates2");
    const before = await admin.client.shipping.table.query();
    expect((await errorOf(seller.client.shipping.save.mutate({ zoneCountries: [], rates: DEFAULT_RATES })))?.data?.code).toBe("FORBIDDEN");
    const bad = structuredClone(DEFAULT_RATES);
    bad.KRW.domestic.first = 2_000_000;
    const e = await errorOf(admin.client.shipping.save.mutate({ zoneCountries: [], rates: bad }));
    expect([e?.data?.code, Object.keys(e?.data?.fieldErrors ?? {})]).toEqual(["BAD_REQUEST", ["rates.KRW.domestic.first"]]);
    const e2 = await errorOf(admin.client.shipping.save.mutate({ zoneCountries: ["ZZ"], rates: DEFAULT_RATES }));
    expect(Object.keys(e2?.data?.fieldErrors ?? {})).toEqual(["zoneCountries.0"]);
    expect(await admin.client.shipping.table.query()).toEqual(before);
    const quote = await errorOf(seller.client.checkout.quote.query({ country: "XX" }));
    expect([quote?.data?.code, Object.keys(quote?.data?.fieldErrors ?? {})]).toEqual(["BAD_REQUEST", ["country"]]);
  });
});
