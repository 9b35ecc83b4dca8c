import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { orders } from "@/db/schema/shop";
import { resetEnvCache } from "@/server/env";
import { createTestDb, type TestDb } from "@/test/testDb";
import { portoneCheckoutParams } from "./portoneCheckoutParams";

const PORTONE_ENV = {
  PORTONE_STORE_ID: "store-4f2b9c1e-8a3d-4e5f-b6a7-1c2d3e4f5a6b", PORTONE_CHANNEL_KEY: "channel-key-test", PORTONE_API_SECRET: "secret",
  PORTONE_WEBHOOK_SECRET: "whsec_dGVzdA==",
  APP_URL: "https://shop.example.com",
};

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

beforeEach(() => {
  Object.assign(process.env, PORTONE_ENV);
  resetEnvCache();
});

afterAll(async () => {
  for (const key of Object.keys(PORTONE_ENV)) delete process.env[key];
  resetEnvCache();
  await testDb.close();
});

async function makeOrder(fields: Partial<typeof orders.$inferInsert> = {}) {
  const [order] = await testDb.db
    .insert(orders)
    .values({
      buyerKey: `buyer-${randomBytes(4).toString("hex")}`,
      idempotencyKey: randomUUID(),
      email: "shopper@example.com",
      shippingAddress: { name: "Jane Doe", line1: "1 Sejong-daero", city: "Seoul", postalCode: "04524", country: "KR" },
      subtotal: 32000,
      shipping: 3000,
      total: 35000,
      currency: "KRW",
      provider: "portone",
      payBy: new Date(Date.now() + 30 * 60_000),
      ...fields,
    })
    .returning();
  return order!;
}

describe("portoneCheckoutParams", () => {
  it("gives the payment window the order's own amount, currency and e-mail", async () => {
    const order = await makeOrder();
    const returnTo = `https://shop.example.com/orders/${order.id}?token=abc`;
    expect(await portoneCheckoutParams(testDb.db, order.id, returnTo)).toEqual({
      storeId: PORTONE_ENV.PORTONE_STORE_ID,
      channelKey: "channel-key-test",
      orderName: `Merchboard order ${order.id.slice(0, 8)}`,
      totalAmount: 35000,
      currency: "KRW",
      email: "shopper@example.com",
      redirectUrl: returnTo,
    });
  });

  it("sends the shopper back only to an address on our site", async () => {
    const order = await makeOrder();
    for (const elsewhere of ["https://evil.example/steal", "//evil.example/x", "javascript:alert(1)", "https://shop.example.com.evil.example/"]) {
      expect((await portoneCheckoutParams(testDb.db, order.id, elsewhere))?.redirectUrl).toBe("https://shop.example.com/");
    }
    expect((await portoneCheckoutParams(testDb.db, order.id, "/orders/1"))?.redirectUrl).toBe("https://shop.example.com/orders/1");
    expect((await portoneCheckoutParams(testDb.db, order.id))?.redirectUrl).toBe("https://shop.example.com/");
  });

  it("lets a declined payment be tried again while the order has time", async () => {
    expect(await portoneCheckoutParams(testDb.db, (await makeOrder({ status: "payment_failed" })).id)).not.toBeNull();
  });

  it("has nothing to pay for an order that is paid, expired, another provider's or unknown", async () => {
    expect(await portoneCheckoutParams(testDb.db, (await makeOrder({ status: "paid" })).id)).toBeNull();
    expect(await portoneCheckoutParams(testDb.db, (await makeOrder({ payBy: new Date(Date.now() - 1000) })).id)).toBeNull();
    expect(await portoneCheckoutParams(testDb.db, (await makeOrder({ provider: "stripe" })).id)).toBeNull();
    expect(await portoneCheckoutParams(testDb.db, randomUUID())).toBeNull();
    expect(await portoneCheckoutParams(testDb.db, "not-a-uuid")).toBeNull();
  });

  it("has nothing to pay when PortOne is not configured", async () => {
    const order = await makeOrder();
    delete process.env.PORTONE_CHANNEL_KEY;
    resetEnvCache();
    expect(await portoneCheckoutParams(testDb.db, order.id)).toBeNull();
  });
});
