import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, snapshotRenders } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { handleWebhookRequest } from "@/server/http/webhookHandler";
import { createMailer } from "@/server/mail/mailer";
import { outboxDir } from "@/server/mail/outbox";
import type { Storage } from "@/server/storage/storage";
import { latestMailTo } from "@/test/outbox";
import { address, publishedTee, shopAdminClient } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, errorOf, TEST_APP_URL } from "@/test/trpcTestClient";
import { runSnapshotRender } from "@/worker/shop/snapshotRun";
import { sendOrderMail } from "./orderMail";
import { testProvider } from "./payments/paymentProviders";
import { TEST_SIGNATURE_HEADER } from "./payments/testProvider";

let t: TestDb;
let storage: Storage;
let products: Product[];
const outbox = outboxDir(fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-tracking-")));

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("tracking");
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(path.dirname(outbox), { recursive: true, force: true });
});

/** A guest's order, paid and with its print file: ready to ship. */
async function orderReadyToShip() {
  const tee = await publishedTee(t.db, products);
  const shopper = createTestClient(t.db);
  await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 1 });
  const { orderId, paymentUrl } = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "sun@example.com", shippingAddress: address });
  const raw = JSON.stringify({ id: `evt_${randomUUID()}`, type: "payment.succeeded", data: { orderId, paymentId: `test_${orderId}`, amount: 2800 + 499, currency: "USD" } });
  const req = new Request(`${TEST_APP_URL}/api/webhooks/test`, { method: "POST", headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: testProvider().sign(raw) }, body: raw });
  expect((await handleWebhookRequest(t.db, req, "test")).status).toBe(200);
  const prints = await t.db.select({ id: snapshotRenders.id }).from(snapshotRenders).where(and(eq(snapshotRenders.kind, "print"), sql`${snapshotRenders.orderLineId} in (select id from order_lines where order_id = ${orderId})`));
  for (const p of prints) await runSnapshotRender(t.db, storage, p.id, true);
  return { orderId, key: new URL(paymentUrl).searchParams.get("key")!, shopper };
}

describe("shipping with a tracking number", () => {
  it("stores the carrier and number, links the order page and the shipped mail to the carrier's page, with the shop's note", async () => {
    const { orderId, key, shopper } = await orderReadyToShip();
    const admin = await shopAdminClient(t.db, "Shipper");
    await admin.client.order.move.mutate({ id: orderId, to: "shipped", note: "Sent in one parcel, signed for.", tracking: { carrier: "cj", number: "6789-1234 5678" } });
    const order = await shopper.client.order.get.query({ id: orderId, key });
    expect(order.tracking).toEqual({ carrier: "cj", carrierName: "CJ대한통운", number: "678912345678", url: "https://trace.cjlogistics.com/next/tracking.html?wblNo=678912345678" });

    const mailer = createMailer({ outbox, from: "Merchboard <no-reply@localhost>" });
    expect(await sendOrderMail(t.db, mailer, orderId, "shipped")).toBe(true);
    const mail = (await latestMailTo(outbox, "sun@example.com"))!;
    expect(mail.text).toContain("CJ대한통운 tracking number: 678912345678");
    expect(mail.text).toContain("https://trace.cjlogistics.com/next/tracking.html?wblNo=678912345678");
    expect(mail.text).toContain("A note from the shop: Sent in one parcel, signed for.");
  }, 60_000);

  it("refuses a number the carrier would not issue, and tracking with any other move, changing nothing", async () => {
    const { orderId } = await orderReadyToShip();
    const admin = await shopAdminClient(t.db, "Shipper");
    const wrong = await errorOf(admin.client.order.move.mutate({ id: orderId, to: "shipped", tracking: { carrier: "epost", number: "1Z999AA10123456784" } }));
    expect(wrong.data?.code).toBe("BAD_REQUEST");
    expect(wrong.message).toMatch(/number: is not a 우체국택배 tracking number/);
    const unknown = await errorOf(admin.client.order.move.mutate({ id: orderId, to: "shipped", tracking: { carrier: "pigeon" as "cj", number: "123" } }));
    expect(unknown.message).toMatch(/carrier/);
    const notShipping = await errorOf(admin.client.order.move.mutate({ id: orderId, to: "refunded", tracking: { carrier: "ups", number: "1Z999AA10123456784" } }));
    expect(notShipping.data).toMatchObject({ code: "BAD_REQUEST", reason: "order.trackingWhenShipped" });
    const [row] = await t.db.select({ status: orders.status, carrier: orders.trackingCarrier }).from(orders).where(eq(orders.id, orderId));
    expect(row).toEqual({ status: "in_production", carrier: null });
    // Without one, shipping still works (a parcel handed over in person has none).
    await admin.client.order.move.mutate({ id: orderId, to: "shipped" });
    expect((await admin.client.order.get.query({ id: orderId })).tracking).toBeNull();
  }, 60_000);
});
