import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cartLines, carts, listings } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { publishedTee, TEE_PRICE } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, errorCode, errorOf, signedUpClient } from "@/test/trpcTestClient";
import { SESSION_COOKIE } from "@/server/auth/sessions";
import { CART_COOKIE } from "./cartIdentity";

let t: TestDb;
let products: Product[];
let tee: Awaited<ReturnType<typeof publishedTee>>;

beforeAll(async () => {
  t = await createTestDb();
  await freshBucket("cart");
  products = await createTestClient(t.db).client.catalog.products.query();
  tee = await publishedTee(t.db, products, { stock: 10 });
}, 60_000);
afterAll(() => t.close());

describe("the cart", () => {
  it("works signed out with a cookie, and every price is the listing's", async () => {
    // A listing of its own: this test changes its price.
    const tee = await publishedTee(t.db, products, { stock: 10 });
    const shopper = createTestClient(t.db);
    expect(await shopper.client.cart.get.query()).toEqual({ lines: [], subtotal: 0, currency: "USD", itemCount: 0 });
    expect(shopper.jar.has(CART_COOKIE)).toBe(false); // reading creates nothing
    // A client that sends its own price is not listened to.
    const tampered = { listingId: tee.id, variantId: "tee-black-m", quantity: 2, unitPrice: 1, price: 1 } as { listingId: string; variantId: string; quantity: number };
    const cart = await shopper.client.cart.add.mutate(tampered);
    expect(shopper.jar.get(CART_COOKIE)).toMatch(/^[\w-]{43}$/);
    expect(cart).toMatchObject({ subtotal: 5600, currency: "USD", itemCount: 2, lines: [{ listingId: tee.id, variantId: "tee-black-m", quantity: 2, unitPrice: 2800, available: true, color: "Black", size: "M" }] });
    // Adding the same item again adds up; another browser sees nothing of it.
    const more = await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 1 });
    expect(more.lines.map((l) => l.quantity)).toEqual([3]);
    expect((await createTestClient(t.db).client.cart.get.query()).lines).toEqual([]);

    const lineId = more.lines[0]!.id;
    expect((await shopper.client.cart.update.mutate({ lineId, quantity: 5 })).subtotal).toBe(14_000);
    // The owner raises the price: the cart shows the new one at once.
    await tee.owner.client.listing.publish.mutate({ canvasId: tee.canvasId, title: "Night Owl Tee", price: 3000, variantIds: ["tee-black-m", "tee-white-m"], stock: 10 });
    expect((await shopper.client.cart.get.query()).lines[0]!.unitPrice).toBe(3000);
    expect((await shopper.client.cart.remove.mutate({ lineId })).lines).toEqual([]);
  });

  it("refuses quantities out of 1–100, items not on sale and other carts' lines, changing nothing", async () => {
    const shopper = createTestClient(t.db);
    const add = (patch: object) => shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 1, ...patch });
    expect(await errorCode(add({ quantity: 0 }))).toBe("BAD_REQUEST");
    expect(await errorCode(add({ quantity: 101 }))).toBe("BAD_REQUEST");
    expect(await errorCode(add({ quantity: 1.5 }))).toBe("BAD_REQUEST");
    const notOnSale = await errorOf(add({ variantId: "tee-navy-xl" }));
    expect([notOnSale.data?.code, notOnSale.data?.reason]).toEqual(["BAD_REQUEST", "cart.variantNotOnSale"]);
    expect(await errorCode(add({ listingId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
    const tooMany = await errorOf(add({ quantity: 11 }));
    expect(tooMany.data?.reason).toBe("cart.notEnoughStock");
    expect((await shopper.client.cart.get.query()).lines).toEqual([]);

    const { lines } = await add({ quantity: 9 });
    expect(await errorCode(add({ quantity: 2 }))).toBe("BAD_REQUEST"); // stock 10 left: 9 + 2 is too many
    const other = createTestClient(t.db);
    expect(await errorCode(other.client.cart.update.mutate({ lineId: lines[0]!.id, quantity: 1 }))).toBe("NOT_FOUND");
    expect(await errorCode(other.client.cart.remove.mutate({ lineId: lines[0]!.id }))).toBe("NOT_FOUND");
    expect(await errorCode(shopper.client.cart.update.mutate({ lineId: lines[0]!.id, quantity: 0 }))).toBe("BAD_REQUEST");
    expect((await shopper.client.cart.get.query()).lines.map((l) => l.quantity)).toEqual([9]);

    // Unpublished: the line stays, marked, without a price, and out of the subtotal.
    const gone = await publishedTee(t.db, products);
    await shopper.client.cart.add.mutate({ listingId: gone.id, variantId: "tee-white-l", quantity: 1 });
    await gone.owner.client.listing.unpublish.mutate({ id: gone.id });
    const after = await shopper.client.cart.get.query();
    expect(after.lines.map((l) => [l.available, l.unitPrice])).toEqual([[true, 2800], [false, null]]);
    expect(after.subtotal).toBe(9 * 2800);
    expect(await errorCode(shopper.client.cart.add.mutate({ listingId: gone.id, variantId: "tee-white-l", quantity: 1 }))).toBe("NOT_FOUND");
  });

  it("merges a signed-out cart into the account at sign-in", async () => {
    const shopper = createTestClient(t.db);
    await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-white-m", quantity: 2 });
    const guestToken = shopper.jar.get(CART_COOKIE)!;
    const email = `merge.${Date.now()}@example.com`;
    await shopper.client.auth.signUp.mutate({ email, password: "correct horse battery", name: "Merge" });
    const merged = await shopper.client.cart.get.query();
    expect(merged.lines.map((l) => [l.variantId, l.quantity])).toEqual([["tee-white-m", 2]]);
    expect(shopper.jar.has(CART_COOKIE)).toBe(false);
    const guestHash = createHash("sha256").update(guestToken).digest("hex");
    expect(await t.db.select().from(carts).where(eq(carts.tokenHash, guestHash))).toEqual([]);

    // Signed out again on another browser, then signed in: quantities add up in the account's cart.
    const laptop = createTestClient(t.db);
    await laptop.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-white-m", quantity: 3 });
    await laptop.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 1 });
    await laptop.client.auth.signIn.mutate({ email, password: "correct horse battery" });
    const both = await laptop.client.cart.get.query();
    expect(both.lines.map((l) => [l.variantId, l.quantity])).toEqual([["tee-white-m", 5], ["tee-black-m", 1]]);
    expect((await shopper.client.cart.get.query()).itemCount).toBe(6);
    const [account] = await t.db.select().from(carts).where(eq(carts.userId, (await shopper.client.auth.me.query())!.id));
    expect(await t.db.select().from(cartLines).where(eq(cartLines.cartId, account!.id))).toHaveLength(2);
  });

  it("holds at most 50 different items however many adds arrive at once, and when a signed-out cart is merged", async () => {
    const sizes = products.find((p) => p.id === "tee")!.variants.map((v) => v.id);
    const many = await Promise.all([1, 2, 3].map(() => publishedTee(t.db, products, { variantIds: sizes })));
    const items = many.flatMap((l) => sizes.map((variantId) => ({ listingId: l.id, variantId, quantity: 1 })));
    expect(items.length).toBeGreaterThanOrEqual(80);
    const shopper = createTestClient(t.db);
    await shopper.client.cart.add.mutate(items[0]!); // the cookie first: every add after it is for one cart
    const added = await Promise.allSettled(items.slice(1, 80).map((item) => shopper.client.cart.add.mutate(item)));
    expect((await shopper.client.cart.get.query()).lines).toHaveLength(50);
    const refused = added.filter((r) => r.status === "rejected").map((r) => ((r as PromiseRejectedResult).reason as { data?: { reason?: string } }).data?.reason);
    expect(refused).toEqual(Array(30).fill("cart.full"));

    // 45 items in the account, 10 others in a signed-out cart: signing in merges 5 of them.
    const account = await signedUpClient(t.db, "Full");
    for (const item of items.slice(0, 45)) await account.client.cart.add.mutate(item);
    const guest = createTestClient(t.db);
    for (const item of items.slice(45, 55)) await guest.client.cart.add.mutate(item);
    await guest.client.auth.signIn.mutate({ email: account.email, password: "correct horse battery" });
    const merged = await guest.client.cart.get.query();
    expect(merged.lines).toHaveLength(50);
    const key = (l: { listingId: string; variantId: string }) => `${l.listingId} ${l.variantId}`;
    expect(merged.lines.map(key).sort()).toEqual(items.slice(0, 50).map(key).sort()); // the first five added join
  }, 120_000);

  it("holds one currency: an item priced in another is refused, and a line left in another is not counted", async () => {
    const won = await publishedTee(t.db, products, { title: "Won Tee" });
    await t.db.update(listings).set({ currency: "KRW", price: 39000 }).where(eq(listings.id, won.id));
    const shopper = createTestClient(t.db);
    await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-white-m", quantity: 1 });
    const refused = await errorOf(shopper.client.cart.add.mutate({ listingId: won.id, variantId: "tee-white-m", quantity: 1 }));
    expect([refused.data?.code, refused.data?.reason]).toEqual(["BAD_REQUEST", "cart.otherCurrency"]);
    // A line from before the rule (written directly): shown, not priced, not in the total.
    const [cart] = await t.db.select({ id: cartLines.cartId }).from(cartLines).where(eq(cartLines.listingId, tee.id)).orderBy(desc(cartLines.createdAt)).limit(1);
    await t.db.insert(cartLines).values({ cartId: cart!.id, listingId: won.id, variantId: "tee-white-m", quantity: 1 });
    const view = await shopper.client.cart.get.query();
    expect(view.lines.map((l) => [l.listingId, l.available])).toEqual([[tee.id, true], [won.id, false]]);
    expect([view.currency, view.subtotal, view.itemCount]).toEqual(["USD", TEE_PRICE, 1]);
  });

  it("treats a forged or malformed cart cookie as no cart", async () => {
    const shopper = createTestClient(t.db);
    shopper.jar.set(CART_COOKIE, "not-a-token");
    expect((await shopper.client.cart.get.query()).lines).toEqual([]);
    shopper.jar.set(CART_COOKIE, "A".repeat(43)); // well formed, but no such cart
    expect((await shopper.client.cart.get.query()).lines).toEqual([]);
    await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-white-m", quantity: 1 });
    expect(shopper.jar.get(CART_COOKIE)).not.toBe("A".repeat(43));
    expect((await shopper.client.cart.get.query()).itemCount).toBe(1);
  });

  it("treats a cookie that is not valid percent-encoding as absent, in the cart and the session", async () => {
    const shopper = createTestClient(t.db);
    shopper.jar.set(CART_COOKIE, "%E0%A4%A");
    shopper.jar.set(SESSION_COOKIE, "%E0%A4%A");
    expect((await shopper.client.cart.get.query()).lines).toEqual([]);
    expect(await shopper.client.auth.me.query()).toBeNull();
  });
});
