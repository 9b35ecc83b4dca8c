import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Product } from "@/domain/catalog/catalog";
import { publishedTee } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, errorOf } from "@/test/trpcTestClient";
import { createMailer } from "@/server/mail/mailer";
import { outboxDir } from "@/server/mail/outbox";
import { latestMailTo } from "@/test/outbox";
import { sendOrderMail } from "./orderMail";

let t: TestDb;
let products: Product[];
const outbox = outboxDir(fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-won-")));

beforeAll(async () => {
  t = await createTestDb();
  await freshBucket("currency");
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(path.dirname(outbox), { recursive: true, force: true });
});

const korea = { name: "김민지", line1: "테헤란로 152", city: "강남구", region: "서울특별시", postalCode: "06236", country: "KR", phone: "010-1234-5678" };

describe("listings in won", () => {
  it("are priced in whole won from the product's won base price, and checked out in won", async () => {
    const tee = products.find((p) => p.id === "tee")!;
    expect(tee.basePrices).toEqual({ USD: 1800, KRW: 24000 });
    const listing = await publishedTee(t.db, products, { price: 32000, currency: "KRW" });
    const page = await createTestClient(t.db).client.listing.get.query({ slug: listing.slug });
    expect([page.price, page.currency]).toEqual([32000, "KRW"]);

    const shopper = createTestClient(t.db);
    shopper.jar.set("mb_locale", "ko"); // the page was in Korean
    await shopper.client.cart.add.mutate({ listingId: listing.id, variantId: "tee-black-m", quantity: 2 });
    expect(await shopper.client.cart.get.query()).toMatchObject({ subtotal: 64000, currency: "KRW" });
    const { orderId, paymentUrl } = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "minji@example.com", shippingAddress: korea });
    const order = await shopper.client.order.get.query({ id: orderId, key: new URL(paymentUrl).searchParams.get("key")! });
    // The shop ships from the US here: ₩17,000 and ₩4,000 for the second tee, in won throughout.
    expect([order.subtotal, order.shipping, order.total, order.currency, order.locale]).toEqual([64000, 21000, 85000, "KRW", "ko"]);

    // Its mail is in Korean: the words, the colour's name and the money.
    const mailer = createMailer({ outbox, from: "Merchboard <no-reply@localhost>" });
    expect(await sendOrderMail(t.db, mailer, orderId, "paid")).toBe(true);
    const mail = (await latestMailTo(outbox, "minji@example.com"))!;
    expect(mail.subject).toBe("Merchboard 주문이 확정되었어요");
    expect(mail.text).toContain("2 × Night Owl Tee (블랙, M)");
    expect(mail.text).toContain("합계: ₩85,000");
    expect(mail.text).toContain("부가세(10%) ₩7,727 포함");
    expect(mail.text).toContain("주문 보기: ");
  }, 60_000);

  it("refuse a price under the won base price, and a currency the shop does not sell in, naming it", async () => {
    const below = await errorOf(publishedTee(t.db, products, { price: 20000, currency: "KRW" }));
    expect(below.data).toMatchObject({ code: "BAD_REQUEST", reason: "listing.priceBelowBase" });
    expect(below.message).toContain("₩24,000");
    const unknown = await errorOf(publishedTee(t.db, products, { price: 3000, currency: "EUR" as "USD" }));
    expect(unknown.data?.code).toBe("BAD_REQUEST");
    expect(unknown.message).toMatch(/currency/);
  }, 60_000);

  it("keep a cart in one currency: a dollar item does not join won ones", async () => {
    const won = await publishedTee(t.db, products, { price: 30000, currency: "KRW" });
    const dollars = await publishedTee(t.db, products);
    const shopper = createTestClient(t.db);
    await shopper.client.cart.add.mutate({ listingId: won.id, variantId: "tee-black-m", quantity: 1 });
    const mixed = await errorOf(shopper.client.cart.add.mutate({ listingId: dollars.id, variantId: "tee-black-m", quantity: 1 }));
    expect(mixed.data).toMatchObject({ code: "BAD_REQUEST", reason: "cart.otherCurrency" });
  }, 60_000);
});
