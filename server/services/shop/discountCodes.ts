import { and, desc, eq, gt, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { discountCodes, listings } from "@/db/schema";
import type { DiscountTerms, NewDiscount } from "@/domain/shop/discount";
import { AppError } from "../../errors";
import type { ShopAdmin } from "../actor";

export type DiscountCode = typeof discountCodes.$inferSelect;

const unknownCode = () => new AppError("BAD_REQUEST", "discount.unknown", "There is no such discount code.");

/**
 * The code a shopper typed, if it can be applied to a cart in `currency` holding these listings;
 * otherwise a BAD_REQUEST that says why. A code switched off reads as unknown.
 */
export async function applicableDiscount(db: DbOrTx, code: string, cart: { currency: string; listingIds: readonly string[] }): Promise<DiscountCode> {
  const [found] = await db.select().from(discountCodes).where(eq(discountCodes.code, code.toUpperCase()));
  if (!found || !found.active) throw unknownCode();
  if (found.expiresAt && found.expiresAt.getTime() <= Date.now()) throw new AppError("BAD_REQUEST", "discount.expired", "This discount code has expired.");
  if (found.maxUses !== null && found.uses >= found.maxUses) throw new AppError("BAD_REQUEST", "discount.usedUp", "This discount code has been used as many times as it may be.");
  if (found.currency !== null && found.currency !== cart.currency) throw new AppError("BAD_REQUEST", "discount.wrongCurrency", `This code takes an amount in ${found.currency} off; your cart is in ${cart.currency}.`);
  if (found.listingId !== null && !cart.listingIds.includes(found.listingId)) throw new AppError("BAD_REQUEST", "discount.notApplicable", "This code is for a product that is not in your cart.");
  return found;
}

/** Counts one use for a new order, if one is left: under concurrent checkouts the last use goes once. */
export async function claimDiscountUse(tx: DbOrTx, id: string): Promise<void> {
  const [claimed] = await tx
    .update(discountCodes)
    .set({ uses: sql`${discountCodes.uses} + 1` })
    .where(and(eq(discountCodes.id, id), or(isNull(discountCodes.maxUses), lt(discountCodes.uses, discountCodes.maxUses))))
    .returning({ id: discountCodes.id });
  if (!claimed) throw new AppError("BAD_REQUEST", "discount.usedUp", "This discount code has been used as many times as it may be.");
}

/** An order that ended unpaid gives its use back. */
export async function releaseDiscountUse(tx: DbOrTx, id: string): Promise<void> {
  await tx
    .update(discountCodes)
    .set({ uses: sql`${discountCodes.uses} - 1` })
    .where(and(eq(discountCodes.id, id), gt(discountCodes.uses, 0)));
}

export const termsOf = (code: DiscountCode): DiscountTerms => ({ kind: code.kind, value: code.value, currency: code.currency, listingId: code.listingId });

export async function createDiscount(db: DbOrTx, admin: ShopAdmin, input: NewDiscount): Promise<{ id: string }> {
  if (input.listingId) {
    const [listing] = await db.select({ currency: listings.currency }).from(listings).where(eq(listings.id, input.listingId));
    if (!listing) throw new AppError("BAD_REQUEST", "discount.noSuchListing", "There is no such product to put this code on.");
    if (input.currency !== null && listing.currency !== input.currency) throw new AppError("BAD_REQUEST", "discount.wrongCurrency", `That product is priced in ${listing.currency}, not ${input.currency}.`);
  }
  const [made] = await db
    .insert(discountCodes)
    .values({ ...input, createdBy: admin.userId })
    .onConflictDoNothing({ target: discountCodes.code })
    .returning({ id: discountCodes.id });
  if (!made) throw new AppError("CONFLICT", "discount.codeTaken", "A discount code with these letters exists already.");
  return made;
}

export async function setDiscountActive(db: DbOrTx, id: string, active: boolean): Promise<void> {
  const [row] = await db.update(discountCodes).set({ active }).where(eq(discountCodes.id, id)).returning({ id: discountCodes.id });
  if (!row) throw new AppError("NOT_FOUND", "discount.notFound", "There is no such discount code.");
}

/** Every code, newest first, with the title of the product a per-listing code is for. */
export async function listDiscounts(db: DbOrTx) {
  return db
    .select({
      id: discountCodes.id,
      code: discountCodes.code,
      kind: discountCodes.kind,
      value: discountCodes.value,
      currency: discountCodes.currency,
      listingId: discountCodes.listingId,
      listingTitle: listings.title,
      maxUses: discountCodes.maxUses,
      uses: discountCodes.uses,
      expiresAt: discountCodes.expiresAt,
      active: discountCodes.active,
      createdAt: discountCodes.createdAt,
    })
    .from(discountCodes)
    .leftJoin(listings, eq(listings.id, discountCodes.listingId))
    .orderBy(desc(discountCodes.createdAt))
    .limit(500);
}

/** The products on sale a code can be put on, newest first. */
export async function discountableListings(db: DbOrTx) {
  return db
    .select({ id: listings.id, title: listings.title, currency: listings.currency })
    .from(listings)
    .where(and(isNotNull(listings.currentVersionId), isNull(listings.unpublishedAt)))
    .orderBy(desc(listings.createdAt))
    .limit(500);
}
