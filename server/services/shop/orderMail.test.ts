import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { createMailer } from "@/server/mail/mailer";
import { outboxDir, readOutbox } from "@/server/mail/outbox";
import { latestMailTo } from "@/test/outbox";
import { address, publishedTee } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, errorCode, signedUpClient } from "@/test/trpcTestClient";
import { sendOrderMail } from "./orderMail";

let t: TestDb;
let products: Product[];
const outbox = outboxDir(fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-order-mail-")));

beforeAll(async () => {
  t = await createTestDb();
  await freshBucket("order-mail");
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(path.dirname(outbox), { recursive: true, force: true });
});

describe("an order's e-mail", () => {
  it("states the order's total and links to the order with the key that opens it", async () => {
    const tee = await publishedTee(t.db, products);
    const shopper = createTestClient(t.db);
    await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 2 });
    const { orderId } = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "grace@example.com", shippingAddress: address });
    const mailer = createMailer({ outbox, from: "Merchboard <no-reply@localhost>" });
    expect(await sendOrderMail(t.db, mailer, orderId, "paid")).toBe(true);
    const mail = (await latestMailTo(outbox, "grace@example.com"))!;
    expect(await readOutbox(outbox)).toHaveLength(1);
    // Two tees at $28.00 and $6.49 to ship them.
    expect(mail.text).toContain("Total: $62.49");

    // The link opens the order for whoever holds it (a guest has no other way in), and only with its key.
    const link = new URL(mail.text.match(/https?:\/\/\S+\/orders\/\S+/)![0]);
    expect(link.pathname).toBe(`/orders/${orderId}`);
    const stranger = createTestClient(t.db);
    const order = await stranger.client.order.get.query({ id: orderId, key: link.searchParams.get("key") ?? "" });
    expect([order.id, order.total, order.currency]).toEqual([orderId, 6249, "USD"]);
    expect(await errorCode(stranger.client.order.get.query({ id: orderId }))).toBe("NOT_FOUND");
  });

  it("goes to an address nobody proved only once money has moved: a guest's declined payment mails no one", async () => {
    const tee = await publishedTee(t.db, products, { title: "ACTION REQUIRED – confirm your card at evil.example" });
    const mailer = createMailer({ outbox, from: "Merchboard <no-reply@localhost>" });
    const guest = createTestClient(t.db);
    await guest.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 1 });
    const { orderId } = await guest.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "victim@example.com", shippingAddress: address });
    expect(await sendOrderMail(t.db, mailer, orderId, "payment_failed")).toBe(false);
    expect(await sendOrderMail(t.db, mailer, orderId, "canceled")).toBe(false);
    expect(await latestMailTo(outbox, "victim@example.com")).toBeNull();

    // A signed-in buyer's own verified address hears about a declined payment.
    const buyer = await signedUpClient(t.db, "Verified");
    await t.db.update(users).set({ emailVerified: true }).where(eq(users.id, buyer.user.id));
    await buyer.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 1 });
    const own = await buyer.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: buyer.email, shippingAddress: address });
    expect(await sendOrderMail(t.db, mailer, own.orderId, "payment_failed")).toBe(true);
    // The same order once the account is unverified: no.
    await t.db.update(users).set({ emailVerified: false }).where(eq(users.id, buyer.user.id));
    expect(await sendOrderMail(t.db, mailer, own.orderId, "payment_failed")).toBe(false);
  });
});
