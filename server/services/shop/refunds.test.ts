import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderLines, orderRefunds, orders } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { createMailer } from "@/server/mail/mailer";
import { outboxDir } from "@/server/mail/outbox";
import { latestMailTo } from "@/test/outbox";
import { address, payThroughTestBank, publishedTee, shopAdminClient, TEE_PRICE } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createTestClient, errorOf, signedUpClient } from "@/test/trpcTestClient";
import { testRefundsOf } from "./payments/testProvider";
import { sendRefundMail } from "./refundMail";

let t: TestDb;
let products: Product[];
let admin: Awaited<ReturnType<typeof shopAdminClient>>;
const outbox = outboxDir(fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-refunds-")));

beforeAll(async () => {
  t = await createTestDb();
  products = await createTestClient(t.db).client.catalog.products.query();
  admin = await shopAdminClient(t.db, "Refunder");
}, 60_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(path.dirname(outbox), { recursive: true, force: true });
});

/** A paid order of two tees (black M) and one at 35.00 (white L), with 10 % off and US shipping. */
async function paidOrder() {
  const tee = await publishedTee(t.db, products);
  const other = await publishedTee(t.db, products, { price: 3500, title: "Day Owl Tee" });
  const shopper = createTestClient(t.db);
  await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 2 });
  await shopper.client.cart.add.mutate({ listingId: other.id, variantId: "tee-white-l", quantity: 1 });
  const code = `TEN-${randomUUID().slice(0, 6)}`.toUpperCase();
  await admin.client.discount.create.mutate({ code, kind: "percent", value: 10, currency: null, listingId: null, maxUses: null, expiresAt: null });
  const { orderId } = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "returns@example.com", shippingAddress: address, discountCode: code });
  const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
  await payThroughTestBank(t.db, orderId, order!.total);
  const lines = await t.db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
  return { orderId, order: order!, tees: lines.find((l) => l.listingId === tee.id)!, day: lines.find((l) => l.listingId === other.id)! };
}

const read = async (orderId: string) => (await t.db.select().from(orders).where(eq(orders.id, orderId)))[0]!;

describe("partial refunds", () => {
  it("give back a line's units less their part of the discount, through the provider, and the buyer is mailed", async () => {
    const { orderId, order, tees } = await paidOrder();
    expect(tees.discount).toBe(560); // 10 % of 2 × 28.00

    const { amount } = await admin.client.order.refund.mutate({ id: orderId, lines: [{ lineId: tees.id, quantity: 1 }], shipping: false, reason: "One arrived torn" });
    expect(amount).toBe(TEE_PRICE - 280);
    expect(testRefundsOf(orderId)).toEqual([{ amount: TEE_PRICE - 280, currency: "USD", reason: "One arrived torn" }]);
    expect(await read(orderId)).toMatchObject({ status: "paid", refunded: TEE_PRICE - 280 });
    const view = await admin.client.order.get.query({ id: orderId });
    expect(view.lines.find((l) => l.id === tees.id)).toMatchObject({ refundedQuantity: 1, discount: 560 });
    expect(view.refunds).toEqual([expect.objectContaining({ amount: TEE_PRICE - 280, status: "succeeded", lines: [{ lineId: tees.id, quantity: 1, amount: TEE_PRICE - 280 }] })]);
    expect(view.timeline.at(-1)).toMatchObject({ from: "paid", status: "paid", actor: `user:${admin.user.id}`, note: "Refunded $25.20: One arrived torn" });

    const refundId = view.refunds[0]!.id;
    const jobs = await t.db.execute(sql`select 1 from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = 'sendRefundMail' and j.payload->>'refundId' = ${refundId}`);
    expect(jobs.rows).toHaveLength(1);
    await sendRefundMail(t.db, createMailer({ outbox, from: "Merchboard <no-reply@localhost>" }), refundId);
    const mail = await latestMailTo(outbox, "returns@example.com");
    expect(mail?.subject).toBe("Part of your Merchboard order was refunded");
    expect(mail?.text).toContain("We refunded $25.20");
    expect(mail?.text).toContain("1 × Night Owl Tee (Black, M)");
    expect(mail?.text).toContain("A note from the shop: One arrived torn");
    expect(order.total).toBeGreaterThan(TEE_PRICE);
  });

  it("refuse more units than are left, a line of another order, nothing at all, an unpaid order, and anyone but a shop admin", async () => {
    const { orderId, tees } = await paidOrder();
    const other = await paidOrder();
    const reasonOf = async (input: Parameters<typeof admin.client.order.refund.mutate>[0], client = admin.client) => {
      const e = await errorOf(client.order.refund.mutate(input));
      return [e?.data?.code, e?.data?.reason];
    };
    expect(await reasonOf({ id: orderId, lines: [{ lineId: tees.id, quantity: 3 }], shipping: false, reason: "x" })).toEqual(["BAD_REQUEST", "order.refundTooMany"]);
    expect(await reasonOf({ id: orderId, lines: [{ lineId: other.tees.id, quantity: 1 }], shipping: false, reason: "x" })).toEqual(["BAD_REQUEST", "order.noSuchLine"]);
    expect(await reasonOf({ id: orderId, lines: [], shipping: false, reason: "x" })).toEqual(["BAD_REQUEST", "order.refundNothing"]);
    expect(await reasonOf({ id: orderId, lines: [{ lineId: tees.id, quantity: 1 }, { lineId: tees.id, quantity: 1 }], shipping: false, reason: "x" })).toEqual(["BAD_REQUEST", "invalidInput"]);
    expect(await reasonOf({ id: orderId, lines: [{ lineId: tees.id, quantity: 1 }], shipping: false, reason: " " })).toEqual(["BAD_REQUEST", "invalidInput"]);
    const seller = await signedUpClient(t.db, "Seller");
    expect(await reasonOf({ id: orderId, lines: [{ lineId: tees.id, quantity: 1 }], shipping: false, reason: "x" }, seller.client)).toEqual(["FORBIDDEN", "shop.notAdmin"]);

    const shopper = createTestClient(t.db);
    const tee = await publishedTee(t.db, products);
    await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 1 });
    const unpaid = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "late@example.com", shippingAddress: address });
    const [line] = await t.db.select().from(orderLines).where(eq(orderLines.orderId, unpaid.orderId));
    expect(await reasonOf({ id: unpaid.orderId, lines: [{ lineId: line!.id, quantity: 1 }], shipping: false, reason: "x" })).toEqual(["BAD_REQUEST", "order.notRefundable"]);
    expect(testRefundsOf(orderId)).toEqual([]);
    expect((await read(orderId)).refunded).toBe(0);
  });

  it("add up, unit by unit with the shipping, to exactly what was paid, and the order then reads refunded", async () => {
    const { orderId, order, tees, day } = await paidOrder();
    await admin.client.order.refund.mutate({ id: orderId, lines: [{ lineId: tees.id, quantity: 1 }], shipping: false, reason: "a" });
    await admin.client.order.refund.mutate({ id: orderId, lines: [{ lineId: day.id, quantity: 1 }], shipping: true, reason: "b" });
    expect((await read(orderId)).status).toBe("paid");
    // "Refund the order" gives back what is left: the last tee.
    await admin.client.order.move.mutate({ id: orderId, to: "refunded", note: "Closing it out" });
    const after = await read(orderId);
    expect(after).toMatchObject({ status: "refunded", refunded: order.total, refundedShipping: order.shipping });
    expect(testRefundsOf(orderId).reduce((sum, r) => sum + r.amount, 0)).toBe(order.total);
    expect(testRefundsOf(orderId).map((r) => r.amount)).toEqual([TEE_PRICE - 280, 3500 - 350 + order.shipping, TEE_PRICE - 280]);
    expect((await errorOf(admin.client.order.refund.mutate({ id: orderId, lines: [], shipping: true, reason: "again" })))?.data?.reason).toBe("order.notRefundable");
  });

  it("give back the sales tax Stripe added with the last part, so all that was paid goes back", async () => {
    const { orderId, order, tees, day } = await paidOrder();
    const tax = 431;
    await t.db.update(orders).set({ tax, total: order.total + tax }).where(eq(orders.id, orderId)); // as Stripe Tax leaves it
    const first = await admin.client.order.refund.mutate({ id: orderId, lines: [{ lineId: tees.id, quantity: 2 }], shipping: true, reason: "a" });
    expect(first.amount).toBe(2 * TEE_PRICE - 560 + order.shipping);
    const last = await admin.client.order.refund.mutate({ id: orderId, lines: [{ lineId: day.id, quantity: 1 }], shipping: false, reason: "b" });
    expect(last.amount).toBe(3500 - 350 + tax);
    expect(await read(orderId)).toMatchObject({ status: "refunded", refunded: order.total + tax });
  });

  it("leave the order as it was when the provider cannot refund", async () => {
    const { orderId, tees } = await paidOrder();
    await t.db.update(orders).set({ provider: "stripe" }).where(eq(orders.id, orderId)); // not configured in tests
    const e = await errorOf(admin.client.order.refund.mutate({ id: orderId, lines: [{ lineId: tees.id, quantity: 2 }], shipping: true, reason: "x" }));
    expect(e?.data?.reason).toBe("order.providerMissing");
    expect(await read(orderId)).toMatchObject({ status: "paid", refunded: 0, refundedShipping: 0 });
    const [line] = await t.db.select().from(orderLines).where(eq(orderLines.id, tees.id));
    expect(line!.refundedQuantity).toBe(0);
    const refunds = await t.db.select({ status: orderRefunds.status }).from(orderRefunds).where(eq(orderRefunds.orderId, orderId));
    expect(refunds).toEqual([{ status: "failed" }]);
  });
});
