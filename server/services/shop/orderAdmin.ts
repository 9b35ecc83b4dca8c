import path from "node:path";
import type { Db } from "@/db/client";
import { projectRoot } from "@/db/projectRoot";
import { eq } from "drizzle-orm";
import { orders } from "@/db/schema";
import type { Tracking } from "@/domain/shop/carriers";
import { ADMIN_MOVES, canMove, type OrderStatus } from "@/domain/shop/orderStatus";
import { env } from "../../env";
import { AppError } from "../../errors";
import { outboxDir, readOutbox, type OutboxMessage } from "../../mail/outbox";
import type { ShopAdmin } from "../actor";
import { requireMove } from "./orderTransitions";
import { refundOrder, remainingRefund } from "./orderRefunds";

/**
 * A shop admin moves an order along by hand: shipped, delivered, canceled or refunded. A refund
 * asks the order's payment provider to give the money back first; only when it has does the order
 * become refunded.
 */
export async function moveOrderByAdmin(db: Db, admin: ShopAdmin, input: { id: string; to: OrderStatus; note?: string; tracking?: Tracking }): Promise<void> {
  if (!ADMIN_MOVES.includes(input.to)) throw new AppError("BAD_REQUEST", "order.notAdminMove", "This status is set by payments and the print renderer, not by hand.");
  if (input.tracking && input.to !== "shipped") throw new AppError("BAD_REQUEST", "order.trackingWhenShipped", "A tracking number goes with marking the order shipped.");
  if (input.to === "refunded") return refundWhole(db, admin, input.id, input.note);
  await db.transaction(async (tx) => {
    await requireMove(tx, input.id, input.to, `user:${admin.userId}`, input.note);
    // In the move's transaction: the shipped mail (queued by the move) reads it.
    if (input.tracking) await tx.update(orders).set({ trackingCarrier: input.tracking.carrier, trackingNumber: input.tracking.number }).where(eq(orders.id, input.id));
  });
}

/** Refunds what is left of the order's payment; the refund moves it to refunded once the provider has given the money back. */
async function refundWhole(db: Db, admin: ShopAdmin, orderId: string, note: string | undefined): Promise<void> {
  const [order] = await db.select({ status: orders.status, refunded: orders.refunded, total: orders.total }).from(orders).where(eq(orders.id, orderId));
  if (!order) throw new AppError("NOT_FOUND", "order.notFound", "There is no such order.");
  if (!canMove(order.status, "refunded")) throw new AppError("BAD_REQUEST", "order.cannotMove", "This order cannot be refunded from its current status.");
  if (order.refunded < order.total) return void (await refundOrder(db, admin, await remainingRefund(db, orderId, note ?? "Refunded by the shop")));
  // Every part went back already, line by line: only the status is left to say so.
  await db.transaction((tx) => requireMove(tx, orderId, "refunded", `user:${admin.userId}`, note));
}

/**
 * The shop's mail in the local outbox (kept when no SMTP server is set), newest first, for the
 * shop's admins. Account mail stays out: its links sign people in and reset their passwords.
 */
export async function readShopOutbox(): Promise<{ smtp: boolean; messages: OutboxMessage[] }> {
  const e = env();
  if (e.SMTP_URL) return { smtp: true, messages: [] };
  const messages = await readOutbox(outboxDir(path.resolve(projectRoot(), e.DATA_DIR)));
  return { smtp: false, messages: messages.filter((m) => m.category === "order").reverse().slice(0, 200) };
}
