import { createHash, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { cartLines, carts } from "@/db/schema";
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from "./cartLimits";

export const CART_COOKIE = "mb_cart";
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Who a cart belongs to: an account, or a signed-out browser's cookie (null until it adds something). */
export type CartHolder = { userId: string | null; guestToken: string | null };

export type OpenCart = {
  cartId: string | null;
  /** The key orders placed from this cart are unique under. */
  buyerKey: string;
  /** A new signed-out cart: set this token as the cart cookie. */
  issuedToken?: string;
  /** The signed-out cart was merged into the account's: clear the cookie. */
  mergedGuest?: boolean;
};

/**
 * Finds the holder's cart, creating it when `create` is set. A signed-in holder who still has a
 * signed-out cart gets its lines merged into the account's cart (quantities add up, to the
 * line limit; new lines up to the cart's limit, in its currency), and the signed-out cart is gone.
 */
export async function openCart(db: Db, holder: CartHolder, opts: { create: boolean }): Promise<OpenCart> {
  const guestHash = holder.guestToken && TOKEN.test(holder.guestToken) ? hash(holder.guestToken) : null;
  if (holder.userId) {
    const userId = holder.userId;
    return db.transaction(async (tx) => {
      let cartId = (await tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId)).for("update"))[0]?.id ?? null;
      const guest = guestHash ? (await tx.select({ id: carts.id }).from(carts).where(eq(carts.tokenHash, guestHash)).for("update"))[0] : undefined;
      if (!cartId && (opts.create || guest)) cartId = await createCart(tx, { userId });
      if (guest && cartId) {
        // Lines the account's cart has add up; new ones join while the cart has room, in the order
        // they were added, and only in the currency the account's cart is in (when it has lines).
        await tx.execute(sql`
          with account as (
            select a.listing_id, a.variant_id, l.currency from cart_lines a join listings l on l.id = a.listing_id where a.cart_id = ${cartId}
          ), incoming as (
            select g.listing_id, g.variant_id, g.quantity, g.created_at,
              exists (select 1 from account a where a.listing_id = g.listing_id and a.variant_id = g.variant_id) as held
            from cart_lines g join listings l on l.id = g.listing_id
            where g.cart_id = ${guest.id} and (not exists (select 1 from account) or l.currency = (select currency from account limit 1))
          ), fresh as (
            select * from incoming where not held order by created_at
            limit greatest(0, ${MAX_CART_LINES} - (select count(*) from account))
          )
          insert into cart_lines (cart_id, listing_id, variant_id, quantity)
          select ${cartId}::uuid, listing_id, variant_id, quantity from incoming where held
          union all select ${cartId}::uuid, listing_id, variant_id, quantity from fresh
          on conflict (cart_id, listing_id, variant_id)
          do update set quantity = least(cart_lines.quantity + excluded.quantity, ${MAX_LINE_QUANTITY})`);
        await tx.delete(carts).where(eq(carts.id, guest.id));
      }
      return { cartId, buyerKey: `user:${userId}`, mergedGuest: !!guestHash };
    });
  }
  if (guestHash) {
    const [row] = await db.select({ id: carts.id }).from(carts).where(eq(carts.tokenHash, guestHash));
    if (row) return { cartId: row.id, buyerKey: `cart:${guestHash}` };
  }
  if (!opts.create) return { cartId: null, buyerKey: guestHash ? `cart:${guestHash}` : "cart:none" };
  const token = randomBytes(32).toString("base64url");
  const cartId = await createCart(db, { tokenHash: hash(token) });
  return { cartId, buyerKey: `cart:${hash(token)}`, issuedToken: token };
}

async function createCart(db: DbOrTx, owner: { userId: string } | { tokenHash: string }): Promise<string> {
  const [row] = await db
    .insert(carts)
    .values(owner)
    .onConflictDoUpdate({ target: "userId" in owner ? carts.userId : carts.tokenHash, set: { updatedAt: new Date() } })
    .returning({ id: carts.id });
  return row!.id;
}
