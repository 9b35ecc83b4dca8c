import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, paymentEvents, snapshotRenders, users } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { handleListingRenderRequest } from "@/server/http/listingRenderHandler";
import { handleWebhookRequest } from "@/server/http/webhookHandler";
import type { Storage } from "@/server/storage/storage";
import { address, publishedTee, shopAdminClient } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, errorCode, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";
import { runSnapshotRender } from "@/worker/shop/snapshotRun";
import { testProvider } from "./payments/paymentProviders";
import { TEST_SIGNATURE_HEADER, testRefundOf, type TestWebhookBody } from "./payments/testProvider";
import { setShopAdmin } from "./shopAdmin";
import { refundLatePayment } from "./latePayment";
import { expireIfUnpaid } from "./orderExpiry";
import { applyPaymentEvent } from "./paymentWebhooks";
import { fixture, startRecordedApi } from "./payments/fixtures/recordedApi";
import type { PaymentEvent } from "./payments/provider";
import { createStripeProvider } from "./payments/stripePayments";

let t: TestDb;
let storage: Storage;
let products: Product[];

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("payment");
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(() => t.close());

/** A guest's order for one black M tee, waiting for payment. */
async function pendingOrder() {
  const tee = await publishedTee(t.db, products);
  const shopper = createTestClient(t.db);
  await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 1 });
  const { orderId, paymentUrl } = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "ada@example.com", shippingAddress: address });
  return { tee, shopper, orderId, key: new URL(paymentUrl).searchParams.get("key")! };
}

function webhook(body: TestWebhookBody, opts: { signature?: string; at?: number } = {}) {
  const raw = JSON.stringify(body);
  const signature = opts.signature ?? testProvider().sign(raw, opts.at);
  const req = new Request(`${TEST_APP_URL}/api/webhooks/test`, { method: "POST", headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: signature }, body: raw });
  return handleWebhookRequest(t.db, req, "test");
}

const paidEvent = (orderId: string, patch: Partial<TestWebhookBody["data"]> = {}, id = `evt_${Math.random().toString(36).slice(2)}`): TestWebhookBody => ({
  id,
  type: "payment.succeeded",
  data: { orderId, paymentId: `test_${orderId}`, amount: 2800 + 499, currency: "USD", ...patch },
});

const statusOf = async (orderId: string) => (await t.db.select({ s: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]!.s;

const STRIPE_ORDER_ID = "5f0c3c52-7d3e-4c0b-9a0e-2b1f6f6f8a11";
const STRIPE_SESSION = "cs_test_a1kQ7cR9vXbN2mZ4pL8sT3wY6uH0eJ5dF9gK2nB7qC4xV1zM8rW3tS6yP0";

async function jobsOf(task: string, orderId: string) {
  const jobs = await t.db.execute(sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = ${task} and j.payload->>'orderId' = ${orderId}`);
  return jobs.rows.map((r) => (r as { payload: { status?: string } }).payload);
}
const refundJobs = async (orderId: string) => (await jobsOf("refundLatePayment", orderId)).length;
const mailJobs = async (orderId: string) => (await jobsOf("sendOrderMail", orderId)).map((p) => p.status);

const makeAdmin = () => shopAdminClient(t.db);

describe("payment webhooks", () => {
  it("apply a signed payment once: paid, print files per line, then in production when they exist", async () => {
    const { orderId, shopper, key } = await pendingOrder();
    const event = paidEvent(orderId);
    const first = await webhook(event);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: "applied" });
    expect(await statusOf(orderId)).toBe("paid");
    // The same event again (a provider's retry, or a replay) changes nothing.
    expect(await (await webhook(event)).json()).toMatchObject({ outcome: "duplicate" });
    expect(await t.db.select().from(paymentEvents).where(eq(paymentEvents.orderId, orderId))).toHaveLength(1);

    const order = await shopper.client.order.get.query({ id: orderId, key });
    expect(order.timeline.map((e) => [e.status, e.actor])).toEqual([["pending_payment", "guest"], ["paid", "provider:test"]]);
    const files = order.lines[0]!.printFiles;
    expect(files.map((f) => [f.printAreaId, f.status, f.widthPx, f.heightPx, f.dpi, f.url])).toEqual([["tee-front", "queued", 1800, 2400, 150, null]]);
    const jobs = await t.db.execute(sql`select payload from graphile_worker._private_jobs where payload->>'orderId' = ${orderId} and payload->>'status' is not null`);
    expect(jobs.rows.map((r) => (r as { payload: { status: string } }).payload.status).sort()).toEqual(["paid"]);

    await runSnapshotRender(t.db, storage, files[0]!.id, true);
    expect(await statusOf(orderId)).toBe("in_production");
    const after = await shopper.client.order.get.query({ id: orderId, key });
    expect(after.timeline.at(-1)).toMatchObject({ status: "in_production", actor: "system" });
    // The buyer sees that the file exists, but only a shop admin downloads it.
    expect(after.lines[0]!.printFiles[0]).toMatchObject({ status: "succeeded", url: null });
    const admin = await makeAdmin();
    const seen = await admin.client.order.get.query({ id: orderId });
    const url = seen.lines[0]!.printFiles[0]!.url!;
    const fetchAs = (jar: Map<string, string>) =>
      handleListingRenderRequest(t.db, storage.s3, storage.bucket, new Request(`${TEST_APP_URL}${url}`, { headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } }), url.split("/").pop()!);
    const download = await fetchAs(admin.jar);
    expect(download.headers.get("content-disposition")).toMatch(/attachment; filename=".*tee-front.*\.png"/);
    expect((await sharp(Buffer.from(await download.arrayBuffer())).metadata()).width).toBe(1800);
    expect((await fetchAs(shopper.jar)).status).toBe(404);
    expect((await fetchAs((await signedUpClient(t.db, "Nosy")).jar)).status).toBe(404);
  }, 60_000);

  it("refuse a forged, stale or malformed webhook, and never apply a wrong amount", async () => {
    const { orderId } = await pendingOrder();
    const forged = await webhook(paidEvent(orderId), { signature: `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}` });
    expect(forged.status).toBe(400);
    const stale = await webhook(paidEvent(orderId), { at: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale.status).toBe(400);
    const unsigned = await handleWebhookRequest(t.db, new Request(`${TEST_APP_URL}/api/webhooks/test`, { method: "POST", body: JSON.stringify(paidEvent(orderId)) }), "test");
    expect(unsigned.status).toBe(400);
    expect((await handleWebhookRequest(t.db, new Request(`${TEST_APP_URL}/api/webhooks/paypal`, { method: "POST", body: "{}" }), "paypal")).status).toBe(404);
    expect(await statusOf(orderId)).toBe("pending_payment");

    // Signed, but for one cent less, or in another currency: recorded, not applied.
    expect(await (await webhook(paidEvent(orderId, { amount: 3298 }))).json()).toMatchObject({ outcome: "amountMismatch" });
    expect(await (await webhook(paidEvent(orderId, { currency: "KRW" }))).json()).toMatchObject({ outcome: "amountMismatch" });
    expect(await statusOf(orderId)).toBe("pending_payment");
    expect(await t.db.select().from(snapshotRenders).where(sql`${snapshotRenders.orderLineId} is not null and ${snapshotRenders.versionId} in (select version_id from order_lines where order_id = ${orderId})`)).toEqual([]);

    // A decline, then a retry that pays: both on the timeline.
    const declined: TestWebhookBody = { ...paidEvent(orderId), type: "payment.failed" };
    await webhook(declined);
    expect(await statusOf(orderId)).toBe("payment_failed");
    await webhook(paidEvent(orderId));
    expect(await statusOf(orderId)).toBe("paid");
    // A late decline after payment is recorded and changes nothing.
    expect(await (await webhook({ ...paidEvent(orderId), type: "payment.failed" })).json()).toMatchObject({ outcome: "notApplicable" });
    expect(await statusOf(orderId)).toBe("paid");
  });

  it("settle an order only through its own provider", async () => {
    const { orderId, key, shopper } = await pendingOrder();
    // The order went to PortOne: neither the test provider's webhook nor its page can pay it.
    await t.db.update(orders).set({ provider: "portone" }).where(eq(orders.id, orderId));
    expect(await (await webhook(paidEvent(orderId))).json()).toMatchObject({ outcome: "wrongProvider" });
    expect(await errorCode(shopper.client.payment.testPage.query({ orderId, key }))).toBe("NOT_FOUND");
    expect(await errorCode(shopper.client.payment.testComplete.mutate({ orderId, key, action: "approve", card: "4242424242424242" }))).toBe("NOT_FOUND");
    expect(await statusOf(orderId)).toBe("pending_payment");
  });
});

describe("orders", () => {
  it("are the buyer's own; a shop admin sees all, filters them and moves them along", async () => {
    const buyer = await signedUpClient(t.db, "Buyer");
    const tee = await publishedTee(t.db, products);
    await buyer.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-white-l", quantity: 2 });
    const { orderId } = await buyer.client.checkout.create.mutate({ idempotencyKey: "buyer-order-1", email: buyer.email, shippingAddress: address });
    expect((await buyer.client.order.get.query({ id: orderId })).status).toBe("pending_payment");
    expect((await buyer.client.order.list.query()).map((o) => [o.id, o.itemCount, o.title])).toEqual([[orderId, 2, "Night Owl Tee"]]);
    // Its picture: the white tee's front mockup, once the worker has rendered it.
    expect((await buyer.client.order.list.query())[0]!.imageUrl).toBeNull();
    const whiteMockups = await t.db
      .select({ id: snapshotRenders.id, printAreaId: snapshotRenders.printAreaId })
      .from(snapshotRenders)
      .where(and(eq(snapshotRenders.kind, "mockup"), sql`${snapshotRenders.variantId} like 'tee-white-%'`, sql`${snapshotRenders.versionId} in (select version_id from order_lines where order_id = ${orderId})`));
    for (const m of whiteMockups) await runSnapshotRender(t.db, storage, m.id, true);
    const front = whiteMockups.find((m) => m.printAreaId === "tee-front")!;
    expect((await buyer.client.order.list.query())[0]!.imageUrl).toBe(`/api/listing-renders/${front.id}`);
    expect((await buyer.client.order.get.query({ id: orderId })).lines[0]!.imageUrl).toBe(`/api/listing-renders/${front.id}`);
    const other = await signedUpClient(t.db, "Other");
    expect(await errorCode(other.client.order.get.query({ id: orderId }))).toBe("NOT_FOUND");
    expect(await other.client.order.list.query()).toEqual([]);
    expect(await errorCode(other.client.order.list.query({ all: true }))).toBe("FORBIDDEN");
    expect(await errorCode(other.client.order.move.mutate({ id: orderId, to: "shipped" }))).toBe("FORBIDDEN");
    expect(await other.client.order.isAdmin.query()).toBe(false);

    // An unverified e-mail cannot be made a shop admin; a verified one can.
    const unverified = await signedUpClient(t.db, "Unverified");
    await expect(setShopAdmin(t.db, unverified.email, true)).rejects.toThrow(/verified/);
    const admin = await makeAdmin();
    expect(await admin.client.order.isAdmin.query()).toBe(true);
    expect((await admin.client.order.list.query({ all: true })).map((o) => o.id)).toContain(orderId);
    expect((await admin.client.order.list.query({ all: true, email: buyer.email })).map((o) => o.id)).toEqual([orderId]);
    expect(await admin.client.order.list.query({ all: true, status: "shipped", email: buyer.email })).toEqual([]);
    expect((await admin.client.order.list.query({ all: true, email: buyer.email.slice(0, 8).toUpperCase() })).map((o) => o.id)).toEqual([orderId]);
    expect(await admin.client.order.list.query({ all: true, email: "%" })).toEqual([]);

    // Unpaid: it cannot ship. Paid and printed: shipped, then delivered, each on the timeline.
    expect(await errorCode(admin.client.order.move.mutate({ id: orderId, to: "shipped" }))).toBe("BAD_REQUEST");
    expect(await errorCode(admin.client.order.move.mutate({ id: orderId, to: "paid" }))).toBe("BAD_REQUEST");
    await webhook(paidEvent(orderId, { amount: 2 * 2800 + 499 + 150 }));
    const [line] = await t.db.select({ id: snapshotRenders.id }).from(snapshotRenders).where(and(eq(snapshotRenders.kind, "print"), sql`${snapshotRenders.orderLineId} in (select id from order_lines where order_id = ${orderId})`));
    await runSnapshotRender(t.db, storage, line!.id, true);
    await admin.client.order.move.mutate({ id: orderId, to: "shipped", note: "UPS 1Z999" });
    await admin.client.order.move.mutate({ id: orderId, to: "delivered" });
    const done = await buyer.client.order.get.query({ id: orderId });
    expect(done.timeline.map((e) => e.status)).toEqual(["pending_payment", "paid", "in_production", "shipped", "delivered"]);
    expect(done.timeline[3]).toMatchObject({ actor: `user:${admin.user.id}`, note: "UPS 1Z999" });
    expect(await errorCode(admin.client.order.move.mutate({ id: orderId, to: "refunded" }))).toBe("BAD_REQUEST");
    // Unpublishing later leaves the order as it was.
    await tee.owner.client.listing.unpublish.mutate({ id: tee.id });
    expect((await buyer.client.order.get.query({ id: orderId })).lines[0]).toMatchObject({ title: "Night Owl Tee", unitPrice: 2800, quantity: 2 });
  }, 60_000);

  it("a shop admin counts only while the account's e-mail is verified", async () => {
    const admin = await makeAdmin();
    expect(await admin.client.order.isAdmin.query()).toBe(true);
    // Say the address changed and waits to be verified again: the role is held, but counts for nothing.
    await t.db.update(users).set({ emailVerified: false }).where(eq(users.id, admin.user.id));
    expect(await admin.client.order.isAdmin.query()).toBe(false);
    expect(await errorCode(admin.client.order.list.query({ all: true }))).toBe("FORBIDDEN");
    await t.db.update(users).set({ emailVerified: true }).where(eq(users.id, admin.user.id));
    expect(await admin.client.order.isAdmin.query()).toBe(true);
  });

  it("are refunded through their payment provider before they read refunded", async () => {
    const { orderId, shopper, key } = await pendingOrder();
    const admin = await makeAdmin();
    expect(await errorCode(admin.client.order.move.mutate({ id: orderId, to: "refunded" }))).toBe("BAD_REQUEST"); // nothing paid yet
    await webhook(paidEvent(orderId));
    expect(testRefundOf(orderId)).toBeUndefined();
    await admin.client.order.move.mutate({ id: orderId, to: "refunded", note: "Customer asked" });
    // The money went back on the provider's side, in full.
    expect(testRefundOf(orderId)).toEqual({ amount: 2800 + 499, currency: "USD", reason: "Customer asked" });
    const order = await shopper.client.order.get.query({ id: orderId, key });
    expect(order.status).toBe("refunded");
    expect(order.timeline.at(-1)).toMatchObject({ from: "paid", status: "refunded", actor: `user:${admin.user.id}`, note: "Customer asked" });
    expect(await errorCode(admin.client.order.move.mutate({ id: orderId, to: "refunded" }))).toBe("BAD_REQUEST");
  });

  it("refund a payment that arrives after its order expired, through the provider, where the shop admin sees it", async () => {
    const { orderId, shopper, key } = await pendingOrder();
    const admin = await makeAdmin();
    await t.db.update(orders).set({ payBy: new Date(Date.now() - 1000) }).where(eq(orders.id, orderId));
    expect(await expireIfUnpaid(t.db, orderId)).toBe(true);
    const late = paidEvent(orderId);
    expect(await (await webhook(late)).json()).toMatchObject({ outcome: "lateRefund" });
    expect(await (await webhook(late)).json()).toMatchObject({ outcome: "duplicate" });
    expect(await statusOf(orderId)).toBe("canceled");
    const seen = await admin.client.order.get.query({ id: orderId });
    expect(seen.timeline.at(-1)).toMatchObject({ from: "canceled", status: "canceled", actor: "provider:test", note: expect.stringMatching(/after the order had expired.*being refunded/) });
    expect(await refundJobs(orderId)).toBe(1);

    // The worker's job: the test bank gives the money back, the order reads refunded, the buyer is told.
    expect(await refundLatePayment(t.db, orderId)).toBe(true);
    expect(testRefundOf(orderId)).toEqual({ amount: 2800 + 499, currency: "USD", reason: "Paid after the order expired" });
    const order = await shopper.client.order.get.query({ id: orderId, key });
    expect(order.status).toBe("refunded");
    expect(order.timeline.at(-1)).toMatchObject({ from: "canceled", status: "refunded", actor: "system" });
    expect(await mailJobs(orderId)).toContain("refunded");
    expect(await refundLatePayment(t.db, orderId)).toBe(false); // once
  });

  it("refund a late Stripe payment (recorded payloads) through Stripe's refunds API, once", async () => {
    const api = await startRecordedApi((req) => {
      if (req.method === "GET" && req.path === `/v1/checkout/sessions/${STRIPE_SESSION}`) return { body: fixture("stripe/checkout-session-paid.json") };
      if (req.method === "POST" && req.path === "/v1/refunds") return { body: fixture("stripe/refund.json") };
      return { status: 404, body: JSON.stringify({ error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${req.path})` } }) };
    });
    try {
      const stripe = createStripeProvider({ secretKey: "sk_test_51QyZa2Lk8mN4oP6qLocalOnly", webhookSecret: "whsec_test_late", stripeOptions: { host: "127.0.0.1", port: api.port, protocol: "http", maxNetworkRetries: 0 } });
      const { orderId } = await pendingOrder();
      // The recorded session paid 42.00 USD for its order: this order is that one, expired.
      await t.db.update(orders).set({ provider: "stripe", total: 4200, payBy: new Date(Date.now() - 1000) }).where(eq(orders.id, orderId));
      expect(await expireIfUnpaid(t.db, orderId)).toBe(true);
      const body = fixture("stripe/checkout.session.completed.json").replaceAll(STRIPE_ORDER_ID, orderId);
      const headers = new Headers({ "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload: body, secret: "whsec_test_late" }) });
      const event = await stripe.parseWebhook(body, headers);
      expect(await applyPaymentEvent(t.db, "stripe", event as PaymentEvent)).toBe("lateRefund");
      expect(await refundLatePayment(t.db, orderId, new Map([["stripe", stripe]]))).toBe(true);
      const refunds = api.requests.filter((r) => r.path === "/v1/refunds");
      expect(refunds.map((r) => r.headers["idempotency-key"])).toEqual([`refund-late-${orderId}`]);
      expect(Object.fromEntries(new URLSearchParams(refunds[0]!.body))).toMatchObject({ payment_intent: "pi_3QyZa2Lk8mN4oP6q1rS7tU9v", "metadata[orderId]": orderId });
      expect(await statusOf(orderId)).toBe("refunded");
    } finally {
      await api.close();
    }
  });

  it("the test provider's page and its buttons answer only to the order's key, and only while it is unpaid", async () => {
    const { orderId, key, shopper } = await pendingOrder();
    const stranger = createTestClient(t.db);
    expect(await errorCode(stranger.client.payment.testPage.query({ orderId, key: "x".repeat(32) }))).toBe("NOT_FOUND");
    expect(await errorCode(stranger.client.payment.testComplete.mutate({ orderId, key: "x".repeat(32), action: "approve", card: "4242424242424242" }))).toBe("NOT_FOUND");
    expect(await shopper.client.payment.testPage.query({ orderId, key })).toMatchObject({ payable: true, total: 2800 + 499, currency: "USD" });
    await webhook(paidEvent(orderId));
    expect(await errorCode(shopper.client.payment.testComplete.mutate({ orderId, key, action: "approve", card: "4242424242424242" }))).toBe("BAD_REQUEST");
    expect(await statusOf(orderId)).toBe("paid");
  });

  it("a webhook body over 256 KiB is refused before it is read as an event", async () => {
    const big = new Request(`${TEST_APP_URL}/api/webhooks/test`, { method: "POST", body: "x".repeat(300 * 1024) });
    expect((await handleWebhookRequest(t.db, big, "test")).status).toBe(413);
  });
});
