import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cartLines, orders } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { address, publishedTee, shopAdminClient, TEE_PRICE } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createTestClient, errorOf, signedUpClient } from "@/test/trpcTestClient";
import { getCart } from "./cartService";
import { priceCart } from "./checkoutQuote";
import { applyPaymentEvent } from "./paymentWebhooks";

let t: TestDb;
let products: Product[];

beforeAll(async () => {
  t = await createTestDb();
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(() => t.close());

/** An order placed through checkout and then handed to Stripe with Stripe Tax, as checkout does when the shop turned it on. */
async function stripeTaxOrder() {
  const tee = await publishedTee(t.db, products);
  const shopper = createTestClient(t.db);
  await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 1 });
  const { orderId } = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "tax@example.com", shippingAddress: address });
  await t.db.update(orders).set({ provider: "stripe", stripeTax: true }).where(eq(orders.id, orderId));
  return orderId;
}

describe("Stripe Tax", () => {
  it("is switched on by a shop admin only, and then applies to dollar orders paid through Stripe", async () => {
    const seller = await signedUpClient(t.db, "Seller");
    expect((await errorOf(seller.client.tax.setStripeTax.mutate({ on: true })))?.data?.code).toBe("FORBIDDEN");
    const admin = await shopAdminClient(t.db, "Taxes");
    expect(await admin.client.tax.settings.query()).toEqual({ stripeTax: false, stripeConfigured: false });
    await admin.client.tax.setStripeTax.mutate({ on: true });
    expect((await admin.client.tax.settings.query()).stripeTax).toBe(true);

    const usd = await publishedTee(t.db, products);
    const krw = await publishedTee(t.db, products, { price: 32_000, currency: "KRW" });
    const shopper = createTestClient(t.db);
    await shopper.client.cart.add.mutate({ listingId: usd.id, variantId: "tee-black-m", quantity: 1 });
    const cart = async (listingId: string) => getCart(t.db, (await t.db.select({ id: cartLines.cartId }).from(cartLines).where(eq(cartLines.listingId, listingId)))[0]!.id);
    expect((await priceCart(t.db, await cart(usd.id), { country: "US" }, "stripe")).quote.taxAtPayment).toBe(true);
    expect((await priceCart(t.db, await cart(usd.id), { country: "US" }, "test")).quote.taxAtPayment).toBe(false);
    expect((await shopper.client.checkout.quote.query({ country: "US" })).taxAtPayment).toBe(false); // the test bank takes payments here
    const korean = createTestClient(t.db);
    await korean.client.cart.add.mutate({ listingId: krw.id, variantId: "tee-black-m", quantity: 1 });
    expect((await priceCart(t.db, await cart(krw.id), { country: "KR" }, "stripe")).quote.taxAtPayment).toBe(false); // won prices include VAT
    await admin.client.tax.setStripeTax.mutate({ on: false });
  });

  it("reads the tax Stripe added from the amount paid, once, into the order's total", async () => {
    const orderId = await stripeTaxOrder();
    const total = TEE_PRICE + 499;
    const tax = Math.round(total * 0.0625);
    const paid = { eventId: `evt_${randomUUID()}`, orderId, outcome: "paid" as const, amount: total + tax, currency: "USD", providerPaymentId: "cs_test_tax" };
    expect(await applyPaymentEvent(t.db, "stripe", paid)).toBe("applied");
    const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order).toMatchObject({ status: "paid", tax, total: total + tax });
    // The same payment reported again, and the refund of all of it, match the new total.
    expect(await applyPaymentEvent(t.db, "stripe", { ...paid, eventId: `evt_${randomUUID()}` })).toBe("notApplicable");
    const [again] = await t.db.select({ tax: orders.tax }).from(orders).where(eq(orders.id, orderId));
    expect(again!.tax).toBe(tax);
  });

  it("refuses an amount that cannot be the order plus tax", async () => {
    const orderId = await stripeTaxOrder();
    const total = TEE_PRICE + 499;
    const event = (amount: number) => ({ eventId: `evt_${randomUUID()}`, orderId, outcome: "paid" as const, amount, currency: "USD", providerPaymentId: "cs_test_tax" });
    expect(await applyPaymentEvent(t.db, "stripe", event(total - 1))).toBe("amountMismatch");
    expect(await applyPaymentEvent(t.db, "stripe", event(total * 2))).toBe("amountMismatch");
    const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order).toMatchObject({ status: "pending_payment", tax: 0, total });
  });
});
