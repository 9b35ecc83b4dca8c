import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orders } from "@/db/schema";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { isShopAdmin } from "./shopAdmin";
import { orderKey, sameDigest } from "./shopSecret";

export type OrderRow = typeof orders.$inferSelect;

/** An order its caller may see, and whether they see it as a shop admin (print-file links then). */
export type OrderAccess = { actor: Actor | null; shopAdmin: boolean; order: OrderRow };

export const orderNotFound = () => new AppError("NOT_FOUND", "order.notFound", "There is no such order, or it is not yours.");

/**
 * The order for its buyer, for whoever holds its link's `key` (a guest's checkout, signed out),
 * or for a shop admin. To anyone else it does not exist: the same NOT_FOUND as an unknown id.
 */
export async function requireOrderViewer(db: DbOrTx, actor: Actor | null, input: { id: string; key?: string | null }): Promise<OrderAccess> {
  const shopAdmin = actor ? await isShopAdmin(db, actor.userId) : false;
  const [order] = await db.select().from(orders).where(eq(orders.id, input.id));
  if (!order) throw orderNotFound();
  const mayView = shopAdmin || (actor !== null && order.userId === actor.userId) || (!!input.key && sameDigest(input.key, orderKey(input.id)));
  if (!mayView) throw orderNotFound();
  return { actor, shopAdmin, order };
}
