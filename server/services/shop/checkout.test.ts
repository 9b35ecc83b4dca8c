import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listings, orderEvents, orders } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { freePort } from "@/test/freePort";
import { address, publishedTee, TEE_PRICE } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, errorCode, errorOf } from "@/test/trpcTestClient";
import { CART_COOKIE, openCart } from "./cartIdentity";
import { createCheckout } from "./checkoutService";
import { expireIfUnpaid } from "./orderExpiry";
import { createStripeProvider } from "./payments/stripePayments";

let t: TestDb;
let products: Product[];

beforeAll(async () => {
  t = await createTestDb();
  await freshBucket("checkout");
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(() => t.close());

async function shopperWith(listingId: string, quantity = 1, variantId = "tee-black-m") {
  const shopper = createTestClient(t.db);
  await shopper.client.cart.add.mutate({ listingId, variantId, quantity });
  return shopper;
}

const key = () => `key-${Math.random().toString(36).slice(2, 12)}`;
const checkout = (shopper: ReturnType<typeof createTestClient>, idempotencyKey = key(), patch: object = {}) =>
  shopper.client.checkout.create.mutate({ idempotencyKey, email: "ada@example.com", shippingAddress: address, ...patch });
const ordersCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(orders))[0]!.n;

describe("checkout", () => {
  it("makes one order at the server's prices with shipping by the rule, and hands off to the test provider", async () => {
    const tee = await publishedTee(t.db, products);
    const shopper = await shopperWith(tee.id, 2);
    const { orderId, paymentUrl } = await checkout(shopper);
    expect(paymentUrl).toMatch(new RegExp(`^http://localhost:3000/pay/test/${orderId}\\?key=[\\w-]{32}$`));
    const orderKey = new URL(paymentUrl).searchParams.get("key")!;
    const order = await shopper.client.order.get.query({ id: orderId, key: orderKey });
    // Two tees at 28.00 and domestic shipping: 4.99 + 1.50.
    expect(order).toMatchObject({ status: "pending_payment", subtotal: 5600, shipping: 649, total: 6249, currency: "USD", provider: "test", paymentUrl });
    expect(order.lines.map((l) => [l.variantId, l.quantity, l.unitPrice, l.color, l.size])).toEqual([["tee-black-m", 2, 2800, "Black", "M"]]);
    expect(order.timeline.map((e) => [e.from, e.status, e.actor])).toEqual([[null, "pending_payment", "guest"]]);
    expect((await shopper.client.cart.get.query()).lines).toEqual([]);
    // Abroad costs more: 12.99.
    const abroad = await shopperWith(tee.id, 1);
    const far = await checkout(abroad, key(), { shippingAddress: { ...address, country: "KR", region: "부산광역시", postalCode: "48058", phone: "051-123-4567" } });
    expect((await abroad.client.order.get.query({ id: far.orderId, key: new URL(far.paymentUrl).searchParams.get("key")! })).total).toBe(2800 + 1299);
    // The order is the buyer's (by key) and nobody else's.
    expect(await errorCode(createTestClient(t.db).client.order.get.query({ id: orderId }))).toBe("NOT_FOUND");
    expect(await errorCode(createTestClient(t.db).client.order.get.query({ id: orderId, key: "x".repeat(32) }))).toBe("NOT_FOUND");
  });

  it("gives a second submit with the same key the same order, also when both arrive at once", async () => {
    const tee = await publishedTee(t.db, products, { stock: 50 });
    const shopper = await shopperWith(tee.id, 3);
    const before = await ordersCount();
    const k = key();
    const [a, b] = await Promise.all([checkout(shopper, k), checkout(shopper, k)]);
    expect(b).toEqual(a);
    expect(await checkout(shopper, k)).toEqual(a);
    expect(await ordersCount()).toBe(before + 1);
    const [listing] = await t.db.select({ stockLeft: listings.stockLeft }).from(listings).where(eq(listings.id, tee.id));
    expect(listing!.stockLeft).toBe(47);
    // Another key with the cart now empty makes nothing.
    const empty = await errorOf(checkout(shopper));
    expect([empty.data?.code, empty.data?.reason]).toEqual(["BAD_REQUEST", "checkout.emptyCart"]);
    expect(await ordersCount()).toBe(before + 1);
  });

  it("never oversells a limited edition: 20 shoppers at once for 5 tees make exactly 5 orders", async () => {
    const tee = await publishedTee(t.db, products, { stock: 5 });
    const shoppers = await Promise.all(Array.from({ length: 20 }, () => shopperWith(tee.id, 1)));
    const results = await Promise.allSettled(shoppers.map((s) => checkout(s)));
    const placed = results.filter((r) => r.status === "fulfilled");
    expect(placed).toHaveLength(5);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { data?: { code: string } }).data?.code).toBe("CONFLICT");
    expect(await t.db.select({ id: orders.id }).from(orders).innerJoin(sql`order_lines`, sql`order_lines.order_id = ${orders.id}`).where(sql`order_lines.listing_id = ${tee.id}`)).toHaveLength(5);
    const [listing] = await t.db.select({ stockLeft: listings.stockLeft }).from(listings).where(eq(listings.id, tee.id));
    expect(listing!.stockLeft).toBe(0);
    expect((await createTestClient(t.db).client.listing.get.query({ slug: tee.slug })).stockLeft).toBe(0);
  }, 60_000);

  it("keeps a sold-out edition sold out when it is published again, and counts what is sold against a new size", async () => {
    const tee = await publishedTee(t.db, products, { stock: 3 });
    for (let i = 0; i < 3; i++) await checkout(await shopperWith(tee.id, 1));
    const republish = (stock: number | null) =>
      tee.owner.client.listing.publish.mutate({ canvasId: tee.canvasId, title: "Night Owl Tee", price: TEE_PRICE, variantIds: ["tee-black-m"], stock });
    await republish(3);
    const stockLeft = async () => (await t.db.select({ s: listings.stockLeft }).from(listings).where(eq(listings.id, tee.id)))[0]!.s;
    expect(await stockLeft()).toBe(0);
    const refused = await errorOf(shopperWith(tee.id, 1));
    expect([refused.data?.code, refused.data?.reason, refused.message]).toEqual(["BAD_REQUEST", "cart.notEnoughStock", "This edition is sold out."]);
    await republish(5); // a larger edition: two more, not five
    expect(await stockLeft()).toBe(2);
    await republish(null);
    expect(await stockLeft()).toBeNull();
    await republish(4); // limited again after selling unlimited: the three sold count
    expect(await stockLeft()).toBe(1);
  }, 60_000);

  it("lets one address hold at most a fifth of a limited edition unpaid, whatever carts it uses", async () => {
    const tee = await publishedTee(t.db, products, { stock: 20 });
    const address = "203.0.113.77";
    const from = async (quantity: number) => {
      const shopper = createTestClient(t.db, { address });
      await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity });
      return shopper;
    };
    const whole = await errorOf(checkout(await from(20)));
    expect([whole.data?.code, whole.data?.reason]).toEqual(["BAD_REQUEST", "checkout.holdLimit"]);
    const first = await checkout(await from(3));
    const over = await errorOf(checkout(await from(2))); // 3 + 2 > 4
    expect(over.data?.reason).toBe("checkout.holdLimit");
    await checkout(await from(1));
    // Another address is not held back; once the first orders are paid they stop counting.
    await checkout(await shopperWith(tee.id, 4));
    await t.db.update(orders).set({ status: "paid" }).where(eq(orders.id, first.orderId));
    await checkout(await from(3));
    expect((await t.db.select({ s: listings.stockLeft }).from(listings).where(eq(listings.id, tee.id)))[0]!.s).toBe(20 - 3 - 1 - 4 - 3);
  });

  it("refuses a bad address, e-mail or key, and an item gone from sale, creating nothing", async () => {
    const tee = await publishedTee(t.db, products);
    const shopper = await shopperWith(tee.id);
    const before = await ordersCount();
    const noCity = await errorOf(checkout(shopper, key(), { shippingAddress: { ...address, city: "" } }));
    expect(noCity.data?.code).toBe("BAD_REQUEST");
    expect(Object.keys(noCity.data?.fieldErrors ?? {})).toEqual(["shippingAddress.city"]);
    const { line1: _omit, ...missing } = address;
    expect(await errorCode(checkout(shopper, key(), { shippingAddress: missing }))).toBe("BAD_REQUEST");
    expect(await errorCode(checkout(shopper, key(), { shippingAddress: { ...address, country: "XX" } }))).toBe("BAD_REQUEST");
    expect(await errorCode(checkout(shopper, key(), { shippingAddress: { ...address, postalCode: "<script>" } }))).toBe("BAD_REQUEST");
    expect(await errorCode(checkout(shopper, key(), { email: "not-an-email" }))).toBe("BAD_REQUEST");
    expect(await errorCode(checkout(shopper, "short"))).toBe("BAD_REQUEST");
    await tee.owner.client.listing.unpublish.mutate({ id: tee.id });
    const gone = await errorOf(checkout(shopper));
    expect([gone.data?.code, gone.data?.reason]).toEqual(["BAD_REQUEST", "checkout.unavailable"]);
    expect(await ordersCount()).toBe(before);
    expect((await shopper.client.cart.get.query()).lines).toHaveLength(1);
  });

  it("takes each country's address as its couriers need it, refusing what is missing by field", async () => {
    const tee = await publishedTee(t.db, products);
    const shopper = await shopperWith(tee.id);
    const before = await ordersCount();
    const korea = { name: "김민지", line1: "테헤란로 152", line2: "12층", city: "강남구", region: "서울특별시", postalCode: "06236", country: "KR", phone: "010 1234 5678" };
    const fields = async (shippingAddress: object) => {
      const e = await errorOf(checkout(shopper, key(), { shippingAddress }));
      expect(e.data?.code).toBe("BAD_REQUEST");
      return Object.keys(e.data?.fieldErrors ?? {});
    };
    expect(await fields({ ...korea, phone: undefined })).toEqual(["shippingAddress.phone"]);
    // Every problem at once, the country's among the others.
    expect(await fields({ ...korea, name: "", phone: undefined })).toEqual(["shippingAddress.name", "shippingAddress.phone"]);
    expect(await fields({ ...korea, postalCode: "135-080" })).toEqual(["shippingAddress.postalCode"]);
    expect(await fields({ ...address, region: undefined })).toEqual(["shippingAddress.region"]);
    expect(await fields({ ...address, postalCode: "ABCDE", phone: "12" })).toEqual(["shippingAddress.postalCode", "shippingAddress.phone"]);
    expect(await ordersCount()).toBe(before);

    const { orderId } = await checkout(shopper, key(), { shippingAddress: korea });
    const [row] = await t.db.select({ a: orders.shippingAddress }).from(orders).where(eq(orders.id, orderId));
    expect(row!.a).toMatchObject({ region: "서울특별시", postalCode: "06236", phone: "010-1234-5678" });
  });

  it("cancels an order not paid in 30 minutes and puts its stock back, once", async () => {
    const tee = await publishedTee(t.db, products, { stock: 3 });
    const shopper = await shopperWith(tee.id, 2);
    const { orderId } = await checkout(shopper);
    const stock = async () => (await t.db.select({ s: listings.stockLeft }).from(listings).where(eq(listings.id, tee.id)))[0]!.s;
    expect(await stock()).toBe(1);
    // The worker is asked to look again when the time to pay runs out.
    const [order] = await t.db.select({ payBy: orders.payBy }).from(orders).where(eq(orders.id, orderId));
    const jobs = await t.db.execute(sql`select j.run_at from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = 'expireOrder' and j.payload->>'orderId' = ${orderId}`);
    expect(jobs.rows.map((r) => new Date((r as { run_at: string }).run_at).getTime())).toEqual([order!.payBy!.getTime()]);
    expect(await expireIfUnpaid(t.db, orderId)).toBe(false); // not due yet
    await t.db.update(orders).set({ payBy: new Date(Date.now() - 1000) }).where(eq(orders.id, orderId));
    expect(await expireIfUnpaid(t.db, orderId)).toBe(true);
    expect(await expireIfUnpaid(t.db, orderId)).toBe(false);
    expect(await stock()).toBe(3);
    const events = await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
    expect(events.map((e) => [e.toStatus, e.actor])).toEqual([["pending_payment", "guest"], ["canceled", "system"]]);
  });

  it("cancels the order when the payment provider cannot be reached, and gives the stock and the cart back", async () => {
    const tee = await publishedTee(t.db, products, { stock: 15 });
    const shopper = await shopperWith(tee.id, 3);
    // The real Stripe client, sent to a port where nothing listens: the connection is refused.
    const unreachable = createStripeProvider({
      secretKey: "sk_test_51QyZa2Lk8mN4oP6qLocalOnly",
      webhookSecret: "whsec_test_unused",
      stripeOptions: { host: "127.0.0.1", port: await freePort(), protocol: "http", maxNetworkRetries: 0 },
    });
    const cart = await openCart(t.db, { userId: null, guestToken: shopper.jar.get(CART_COOKIE)! }, { create: false });
    const before = await ordersCount();
    const formKey = key();
    const failed = await createCheckout(t.db, null, cart, { idempotencyKey: formKey, email: "ada@example.com", shippingAddress: address }, unreachable).then(
      () => null,
      (e: unknown) => e as { code: string; reason: string },
    );
    expect([failed?.code, failed?.reason]).toEqual(["BAD_REQUEST", "checkout.providerUnavailable"]);
    const [order] = await t.db.select().from(orders).where(eq(orders.buyerKey, cart.buyerKey)).orderBy(sql`${orders.createdAt} desc`).limit(1);
    expect(await ordersCount()).toBe(before + 1);
    expect([order!.status, order!.provider, order!.paymentUrl]).toEqual(["canceled", "stripe", null]);
    expect((await t.db.select({ s: listings.stockLeft }).from(listings).where(eq(listings.id, tee.id)))[0]!.s).toBe(15);
    expect((await shopper.client.cart.get.query()).lines.map((l) => [l.listingId, l.variantId, l.quantity])).toEqual([[tee.id, "tee-black-m", 3]]);
    // The cart is whole again: the form's next try, with its same key and a provider that answers,
    // goes through as a new order, and a second submit of it finds that order.
    const retried = await checkout(shopper, formKey);
    expect(retried.orderId).not.toBe(order!.id);
    expect(retried.paymentUrl).toContain(`/pay/test/${retried.orderId}`);
    expect(await checkout(shopper, formKey)).toEqual(retried);
    expect((await t.db.select({ s: orders.status }).from(orders).where(eq(orders.id, order!.id)))[0]!.s).toBe("canceled");
  });
});
