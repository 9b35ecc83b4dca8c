import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discountCodes, orderLines, orders } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { address, publishedTee, shopAdminClient, TEE_PRICE } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createTestClient, errorOf, signedUpClient } from "@/test/trpcTestClient";
import { moveOrder } from "./orderTransitions";

let t: TestDb;
let products: Product[];
let admin: Awaited<ReturnType<typeof shopAdminClient>>;

beforeAll(async () => {
  t = await createTestDb();
  products = await createTestClient(t.db).client.catalog.products.query();
  admin = await shopAdminClient(t.db, "Promoter");
}, 60_000);
afterAll(() => t.close());

const code = () => `SAVE-${randomUUID().slice(0, 8)}`.toUpperCase();
const makeCode = (input: Partial<Parameters<typeof admin.client.discount.create.mutate>[0]> = {}) => {
  const c = input.code ?? code();
  return admin.client.discount.create.mutate({ code: c, kind: "percent", value: 10, currency: null, listingId: null, maxUses: null, expiresAt: null, ...input }).then((r) => ({ ...r, code: c }));
};

async function cartWith(listingId: string, quantity = 1) {
  const shopper = createTestClient(t.db);
  await shopper.client.cart.add.mutate({ listingId, variantId: "tee-black-m", quantity });
  return shopper;
}

describe("discount codes at checkout", () => {
  it("take a percentage off, shown by the quote and charged by checkout, line by line, counting a use", async () => {
    const tee = await publishedTee(t.db, products);
    const other = await publishedTee(t.db, products, { price: 3500, title: "Day Owl Tee" });
    const shopper = await cartWith(tee.id, 2);
    await shopper.client.cart.add.mutate({ listingId: other.id, variantId: "tee-white-l", quantity: 1 });
    const { code: typed } = await makeCode({ value: 15 });

    const quote = await shopper.client.checkout.quote.query({ country: "US", discountCode: typed.toLowerCase() });
    const subtotal = 2 * TEE_PRICE + 3500;
    const discount = Math.round((2 * TEE_PRICE * 15) / 100) + Math.round((3500 * 15) / 100);
    expect(quote).toMatchObject({ subtotal, discount, discountCode: typed, shipping: 499 + 2 * 150, shippingZone: "domestic", total: subtotal - discount + 799 });

    const { orderId } = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "deal@example.com", shippingAddress: address, discountCode: typed });
    const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order).toMatchObject({ subtotal, discount, discountCode: typed, total: quote.total });
    const lines = await t.db.select({ discount: orderLines.discount }).from(orderLines).where(eq(orderLines.orderId, orderId));
    expect(lines.map((l) => l.discount).sort((a, b) => a - b)).toEqual([525, 840]);
    const [row] = await t.db.select({ uses: discountCodes.uses }).from(discountCodes).where(eq(discountCodes.code, typed));
    expect(row!.uses).toBe(1);
  });

  it("take a fixed amount off only the listing it is for, and can take the order under free shipping", async () => {
    const tee = await publishedTee(t.db, products, { price: 5000 });
    const other = await publishedTee(t.db, products, { price: 5000 });
    const shopper = await cartWith(tee.id);
    await shopper.client.cart.add.mutate({ listingId: other.id, variantId: "tee-black-m", quantity: 1 });
    expect((await shopper.client.checkout.quote.query({ country: "US" })).shipping).toBe(0); // 100.00: free
    const { code: typed } = await makeCode({ kind: "fixed", value: 8000, currency: "USD", listingId: tee.id });
    const quote = await shopper.client.checkout.quote.query({ country: "US", discountCode: typed });
    expect(quote).toMatchObject({ subtotal: 10_000, discount: 5000, shipping: 499 + 150, total: 5000 + 649 });
  });

  it("refuse, saying why, a code that is unknown, switched off, expired, used up, for another currency or for a product not in the cart", async () => {
    const tee = await publishedTee(t.db, products);
    const shopper = await cartWith(tee.id);
    const reasonOf = async (typed: string) => (await errorOf(shopper.client.checkout.quote.query({ country: "US", discountCode: typed })))?.data?.reason;
    expect(await reasonOf("NOPE-NOPE")).toBe("discount.unknown");

    const off = await makeCode();
    await admin.client.discount.setActive.mutate({ id: off.id, active: false });
    expect(await reasonOf(off.code)).toBe("discount.unknown");

    const old = await makeCode({ expiresAt: new Date(Date.now() + 60_000) });
    await t.db.update(discountCodes).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(discountCodes.id, old.id));
    expect(await reasonOf(old.code)).toBe("discount.expired");

    const won = await makeCode({ kind: "fixed", value: 5000, currency: "KRW" });
    expect(await reasonOf(won.code)).toBe("discount.wrongCurrency");

    const elsewhere = await publishedTee(t.db, products);
    const other = await makeCode({ listingId: elsewhere.id });
    expect(await reasonOf(other.code)).toBe("discount.notApplicable");

    const once = await makeCode({ maxUses: 1 });
    expect((await shopper.client.checkout.quote.query({ country: "US", discountCode: once.code })).discount).toBe(280);
    const first = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "a@example.com", shippingAddress: address, discountCode: once.code });
    const second = await cartWith(tee.id);
    const refused = await errorOf(second.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "b@example.com", shippingAddress: address, discountCode: once.code }));
    expect([refused?.data?.code, refused?.data?.reason]).toEqual(["BAD_REQUEST", "discount.usedUp"]);
    expect(await second.client.cart.get.query()).toMatchObject({ itemCount: 1 }); // nothing changed

    // The first order ends unpaid: its use comes back, once.
    await t.db.transaction((tx) => moveOrder(tx, first.orderId, "canceled", "system"));
    await t.db.transaction((tx) => moveOrder(tx, first.orderId, "canceled", "system"));
    const [row] = await t.db.select({ uses: discountCodes.uses }).from(discountCodes).where(eq(discountCodes.id, once.id));
    expect(row!.uses).toBe(0);
    await second.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "b@example.com", shippingAddress: address, discountCode: once.code });
  });

  it("slow down an address that keeps guessing codes, but not one that types them right", async () => {
    const tee = await publishedTee(t.db, products);
    const shopper = await cartWith(tee.id);
    const { code: typed } = await makeCode();
    for (let i = 0; i < 25; i++) await shopper.client.checkout.quote.query({ country: "US", discountCode: typed });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 21; i++) codes.push((await errorOf(shopper.client.checkout.quote.query({ country: "US", discountCode: `GUESS-${i}` })))?.data?.code);
    expect(codes.slice(0, 20).every((c) => c === "BAD_REQUEST")).toBe(true);
    expect(codes[20]).toBe("TOO_MANY_REQUESTS");
  });
});

describe("making discount codes", () => {
  it("is for shop admins, with each term checked and a code's letters used once", async () => {
    const seller = await signedUpClient(t.db, "Seller");
    const input = { code: code(), kind: "percent" as const, value: 10, currency: null, listingId: null, maxUses: null, expiresAt: null };
    expect((await errorOf(seller.client.discount.create.mutate(input)))?.data?.code).toBe("FORBIDDEN");
    expect((await errorOf(seller.client.discount.list.query()))?.data?.code).toBe("FORBIDDEN");
    const bad = async (patch: Record<string, unknown>) => {
      const e = await errorOf(admin.client.discount.create.mutate({ ...input, code: code(), ...patch } as typeof input));
      return [e?.data?.code, Object.keys(e?.data?.fieldErrors ?? {})[0] ?? e?.data?.reason];
    };
    expect(await bad({ value: 150 })).toEqual(["BAD_REQUEST", "value"]);
    expect(await bad({ kind: "fixed" })).toEqual(["BAD_REQUEST", "currency"]);
    expect(await bad({ currency: "USD" })).toEqual(["BAD_REQUEST", "currency"]);
    expect(await bad({ code: "a b" })).toEqual(["BAD_REQUEST", "code"]);
    expect(await bad({ expiresAt: new Date(Date.now() - 1000) })).toEqual(["BAD_REQUEST", "expiresAt"]);
    expect(await bad({ maxUses: 0 })).toEqual(["BAD_REQUEST", "maxUses"]);
    expect(await bad({ listingId: randomUUID() })).toEqual(["BAD_REQUEST", "discount.noSuchListing"]);

    await admin.client.discount.create.mutate({ ...input, code: input.code.toLowerCase() });
    expect(await bad({ code: input.code })).toEqual(["CONFLICT", "discount.codeTaken"]);
    const listed = await admin.client.discount.list.query();
    expect(listed.find((d) => d.code === input.code)).toMatchObject({ kind: "percent", value: 10, uses: 0, active: true });
  });
});
