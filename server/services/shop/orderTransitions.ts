import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orderEvents, orders } from "@/db/schema";
import { canMove, UNPAID, type OrderStatus } from "@/domain/shop/orderStatus";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import { releaseDiscountUse } from "./discountCodes";
import { queueOrderPrints } from "./snapshotRenders";

/** Who moved an order: `user:<id>`, `provider:<name>`, or `system`. */
export type OrderActor = string;

/** Statuses the buyer hears about by e-mail. */
const MAILED: ReadonlySet<OrderStatus> = new Set(["paid", "payment_failed", "in_production", "shipped", "delivered", "canceled", "refunded"]);

/**
 * Moves an order to `to` inside the caller's transaction, with everything that goes with the move:
 * the timeline entry, stock given back when an unpaid order ends, print files queued when it is
 * paid, and the buyer's e-mail queued. The row is locked first, so concurrent moves (a webhook
 * and the expiry job) apply one after the other and the second sees the first's status.
 * Returns false, changing nothing, when the move is not allowed from the current status.
 */
export async function moveOrder(tx: DbOrTx, orderId: string, to: OrderStatus, actor: OrderActor, note?: string): Promise<boolean> {
  const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).for("update");
  if (!order || !canMove(order.status, to)) return false;
  await tx.update(orders).set({ status: to }).where(eq(orders.id, orderId));
  await tx.insert(orderEvents).values({ orderId, fromStatus: order.status, toStatus: to, actor, note: note ?? null });
  if (to === "canceled" && UNPAID.includes(order.status)) await releaseHolds(tx, orderId);
  if (to === "paid") {
    const queued = await queueOrderPrints(tx, orderId);
    if (!queued) throw new Error(`Order ${orderId} was paid but has nothing to print.`);
  }
  if (MAILED.has(to) && !(to === "payment_failed" && order.status === "payment_failed")) await enqueue(tx, "sendOrderMail", { orderId, status: to }, { maxAttempts: 5 });
  return true;
}

/** Like moveOrder, for a person's request: a move not allowed now is a clear BAD_REQUEST. */
export async function requireMove(tx: DbOrTx, orderId: string, to: OrderStatus, actor: OrderActor, note?: string): Promise<void> {
  if (!(await moveOrder(tx, orderId, to, actor, note))) {
    throw new AppError("BAD_REQUEST", "order.cannotMove", `This order cannot be marked ${to.replace("_", " ")} from its current status.`);
  }
}

/** Gives an ended order's items back to their limited editions, and its discount code's use, once. */
async function releaseHolds(tx: DbOrTx, orderId: string): Promise<void> {
  const [claimed] = await tx.update(orders).set({ stockReleased: 1 }).where(and(eq(orders.id, orderId), eq(orders.stockReleased, 0))).returning({ discountCodeId: orders.discountCodeId });
  if (!claimed) return;
  if (claimed.discountCodeId) await releaseDiscountUse(tx, claimed.discountCodeId);
  await tx.execute(sql`
    update listings l set stock_left = least(l.stock_left + q.quantity, l.stock_total)
    from (select listing_id, sum(quantity)::int as quantity from order_lines where order_id = ${orderId} group by listing_id) q
    where l.id = q.listing_id and l.stock_left is not null`);
}

