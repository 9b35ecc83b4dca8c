import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cartLines, carts, listings, listingVersions, snapshotRenders } from "@/db/schema";
import { AppError } from "../../errors";
import { listProducts } from "../catalog/catalogService";
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from "./cartLimits";
import type { CartLineView, CartView } from "./cartView";
import { itemImageUrl } from "./renderOrder";

const EMPTY: CartView = { lines: [], subtotal: 0, currency: "USD", itemCount: 0 };

/** A published listing whose current version sells `variantId`, or a clear refusal. */
async function requireOnSale(db: DbOrTx, listingId: string, variantId: string) {
  const [row] = await db
    .select({ id: listings.id, stockLeft: listings.stockLeft, currency: listings.currency, unpublishedAt: listings.unpublishedAt, variantIds: listingVersions.variantIds })
    .from(listings)
    .innerJoin(listingVersions, eq(listingVersions.id, listings.currentVersionId))
    .where(eq(listings.id, listingId));
  if (!row || row.unpublishedAt) throw new AppError("NOT_FOUND", "listing.notFound", "This product is not for sale.");
  if (!row.variantIds.includes(variantId)) throw new AppError("BAD_REQUEST", "cart.variantNotOnSale", "This colour or size is not for sale.");
  return row;
}

function checkStock(stockLeft: number | null, quantity: number) {
  if (stockLeft !== null && quantity > stockLeft) {
    throw new AppError("BAD_REQUEST", "cart.notEnoughStock", stockLeft === 0 ? "This edition is sold out." : `Only ${stockLeft} left.`);
  }
}

/**
 * Adds to the cart, with the cart's row locked so that adds at once are counted one after the other
 * (the line limit holds however many arrive together). A cart holds one currency.
 */
export async function addToCart(db: DbOrTx, cartId: string, input: { listingId: string; variantId: string; quantity: number }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId)).for("update");
    await addLocked(tx, cartId, input);
  });
}

async function addLocked(db: DbOrTx, cartId: string, input: { listingId: string; variantId: string; quantity: number }): Promise<void> {
  const listing = await requireOnSale(db, input.listingId, input.variantId);
  const [current] = await db
    .select({ quantity: cartLines.quantity })
    .from(cartLines)
    .where(and(eq(cartLines.cartId, cartId), eq(cartLines.listingId, input.listingId), eq(cartLines.variantId, input.variantId)));
  const quantity = (current?.quantity ?? 0) + input.quantity;
  if (quantity > MAX_LINE_QUANTITY) throw new AppError("BAD_REQUEST", "cart.tooMany", `At most ${MAX_LINE_QUANTITY} of one item per order.`);
  checkStock(listing.stockLeft, quantity);
  if (!current) {
    const held = await db
      .select({ n: sql<number>`count(*)::int`, currency: listings.currency })
      .from(cartLines)
      .innerJoin(listings, eq(listings.id, cartLines.listingId))
      .where(eq(cartLines.cartId, cartId))
      .groupBy(listings.currency);
    if (held.reduce((n, r) => n + r.n, 0) >= MAX_CART_LINES) throw new AppError("BAD_REQUEST", "cart.full", `A cart holds at most ${MAX_CART_LINES} different items.`);
    const other = held.find((r) => r.currency !== listing.currency);
    if (other) throw new AppError("BAD_REQUEST", "cart.otherCurrency", `Your cart is priced in ${other.currency}: check it out, or empty it, before adding an item priced in ${listing.currency}.`);
  }
  await db
    .insert(cartLines)
    .values({ cartId, listingId: input.listingId, variantId: input.variantId, quantity: input.quantity })
    .onConflictDoUpdate({
      target: [cartLines.cartId, cartLines.listingId, cartLines.variantId],
      set: { quantity: sql`least(${cartLines.quantity} + ${input.quantity}, ${MAX_LINE_QUANTITY})` },
    });
}

export async function updateCartLine(db: DbOrTx, cartId: string | null, input: { lineId: string; quantity: number }): Promise<void> {
  const [line] = cartId ? await db.select().from(cartLines).where(and(eq(cartLines.id, input.lineId), eq(cartLines.cartId, cartId))) : [];
  if (!line) throw new AppError("NOT_FOUND", "cart.lineNotFound", "This item is not in your cart.");
  const listing = await requireOnSale(db, line.listingId, line.variantId);
  checkStock(listing.stockLeft, input.quantity);
  await db.update(cartLines).set({ quantity: input.quantity }).where(eq(cartLines.id, line.id));
}

export async function removeCartLine(db: DbOrTx, cartId: string | null, input: { lineId: string }): Promise<void> {
  const removed = cartId ? await db.delete(cartLines).where(and(eq(cartLines.id, input.lineId), eq(cartLines.cartId, cartId))).returning({ id: cartLines.id }) : [];
  if (!removed.length) throw new AppError("NOT_FOUND", "cart.lineNotFound", "This item is not in your cart.");
}

/** The cart with every price read from its listing now; items no longer on sale are marked, not priced. */
export async function getCart(db: DbOrTx, cartId: string | null): Promise<CartView> {
  if (!cartId) return EMPTY;
  const rows = await db
    .select({
      id: cartLines.id,
      listingId: cartLines.listingId,
      variantId: cartLines.variantId,
      quantity: cartLines.quantity,
      price: listings.price,
      currency: listings.currency,
      title: listings.title,
      slug: listings.slug,
      productId: listings.productId,
      unpublishedAt: listings.unpublishedAt,
      stockLeft: listings.stockLeft,
      versionId: listings.currentVersionId,
      variantIds: listingVersions.variantIds,
    })
    .from(cartLines)
    .innerJoin(listings, eq(listings.id, cartLines.listingId))
    .innerJoin(listingVersions, eq(listingVersions.id, listings.currentVersionId))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(cartLines.createdAt), asc(cartLines.id));
  if (!rows.length) return EMPTY;
  const products = await listProducts(db);
  const mockups = await db
    .select({ id: snapshotRenders.id, versionId: snapshotRenders.versionId, variantId: snapshotRenders.variantId, printAreaId: snapshotRenders.printAreaId })
    .from(snapshotRenders)
    .where(and(eq(snapshotRenders.kind, "mockup"), eq(snapshotRenders.status, "succeeded"), inArray(snapshotRenders.versionId, [...new Set(rows.map((r) => r.versionId!))])));
  // One currency per cart (adding refuses another); a line in another, from before, is not priced.
  const currency = rows[0]!.currency;
  const lines = rows.map((r): CartLineView => {
    const product = products.find((p) => p.id === r.productId);
    const variant = product?.variants.find((v) => v.id === r.variantId);
    const available = !r.unpublishedAt && r.currency === currency && r.variantIds.includes(r.variantId) && (r.stockLeft === null || r.stockLeft >= r.quantity);
    return {
      id: r.id,
      listingId: r.listingId,
      variantId: r.variantId,
      quantity: r.quantity,
      unitPrice: available ? r.price : null,
      available,
      title: r.title,
      slug: r.slug,
      productId: product?.id ?? null,
      productName: product?.name ?? "",
      color: variant?.color ?? null,
      colorHex: variant?.colorHex ?? null,
      size: variant?.size ?? null,
      imageUrl: itemImageUrl(product, mockups, { versionId: r.versionId!, variantId: r.variantId }),
      stockLeft: r.stockLeft,
    };
  });
  const priced = lines.filter((l) => l.unitPrice !== null);
  return {
    lines,
    subtotal: priced.reduce((sum, l) => sum + l.unitPrice! * l.quantity, 0),
    currency,
    itemCount: priced.reduce((n, l) => n + l.quantity, 0),
  };
}
