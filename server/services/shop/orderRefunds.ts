import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { orderEvents, orderLines, orderRefunds, orders } from "@/db/schema";
import { canMove, type OrderStatus } from "@/domain/shop/orderStatus";
import { lineRefundAmount, type RefundedLine, type RefundInput } from "@/domain/shop/refunds";
import { formatMoney } from "@/domain/shop/money";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import type { ShopAdmin } from "../actor";
import { moveOrder } from "./orderTransitions";
import { paymentProviders, type ProviderId } from "./payments/paymentProviders";
import { log } from "@/server/log";

/** Statuses in which the shop holds the buyer's money, so some of it can go back. */
const REFUNDABLE: ReadonlySet<OrderStatus> = new Set(["paid", "in_production", "shipped", "delivered"]);

type Reserved = { refundId: string; orderId: string; provider: string; providerPaymentId: string | null; amount: number; paid: number; refundedBefore: number; currency: string; reason: string; everything: boolean };

/**
 * Gives back some units of some lines of a paid order, and its shipping if asked, through the
 * order's payment provider. The refund is written (pending) and its units counted before the
 * provider is asked, so two admins cannot refund the same units twice; if the provider refuses,
 * the count is taken back and the order is as it was. When everything paid has gone back and the
 * order's status allows, it becomes refunded; otherwise it keeps its status and the buyer gets a
 * mail for the part.
 */
export async function refundOrder(db: Db, admin: ShopAdmin, input: RefundInput): Promise<{ refundId: string; amount: number }> {
  const reserved = await db.transaction((tx) => reserveRefund(tx, `user:${admin.userId}`, input));
  const provider = paymentProviders().get(reserved.provider as ProviderId);
  try {
    if (!provider) throw new AppError("BAD_REQUEST", "order.providerMissing", `This order was paid through ${reserved.provider}, which is not configured here.`);
    await provider.refund({ orderId: reserved.orderId, refundId: reserved.refundId, providerPaymentId: reserved.providerPaymentId, amount: reserved.amount, paid: reserved.paid, refundedBefore: reserved.refundedBefore, currency: reserved.currency, reason: reserved.reason });
  } catch (e) {
    await db.transaction((tx) => undoRefund(tx, reserved.refundId));
    if (e instanceof AppError) throw e;
    log.error({ err: e, provider: reserved.provider, refundId: reserved.refundId, orderId: reserved.orderId }, "shop: the provider refused a refund");
    throw new AppError("BAD_REQUEST", "order.refundFailed", `${reserved.provider} did not refund the payment; the order is unchanged. Try again, or refund it in the provider's dashboard.`);
  }
  await db.transaction((tx) => settleRefund(tx, reserved, `user:${admin.userId}`));
  return { refundId: reserved.refundId, amount: reserved.amount };
}

/** Every unit of every line not refunded yet, and the shipping: what "refund the order" gives back. */
export async function remainingRefund(db: DbOrTx, orderId: string, reason: string): Promise<RefundInput> {
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id));
  return { id: orderId, lines: lines.filter((l) => l.quantity > l.refundedQuantity).map((l) => ({ lineId: l.id, quantity: l.quantity - l.refundedQuantity })), shipping: true, reason };
}

async function reserveRefund(tx: DbOrTx, actor: string, input: RefundInput): Promise<Reserved> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, input.id)).for("update");
  if (!order) throw new AppError("NOT_FOUND", "order.notFound", "There is no such order.");
  if (!REFUNDABLE.has(order.status)) throw new AppError("BAD_REQUEST", "order.notRefundable", "Only a paid order can be refunded, and this one holds no payment.");
  const [inFlight] = await tx.select({ id: orderRefunds.id }).from(orderRefunds).where(and(eq(orderRefunds.orderId, order.id), eq(orderRefunds.status, "pending")));
  if (inFlight) throw new AppError("CONFLICT", "order.refundInFlight", "Another refund of this order is being made; wait for it to finish.");

  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  const refunded: RefundedLine[] = [];
  for (const asked of input.lines) {
    const line = lines.find((l) => l.id === asked.lineId);
    if (!line) throw new AppError("BAD_REQUEST", "order.noSuchLine", "That item is not part of this order.");
    if (asked.quantity > line.quantity - line.refundedQuantity) throw new AppError("BAD_REQUEST", "order.refundTooMany", `Only ${line.quantity - line.refundedQuantity} of ${line.title} can still be refunded.`);
    refunded.push({ lineId: line.id, quantity: asked.quantity, amount: lineRefundAmount(line, asked.quantity) });
  }
  const shipping = input.shipping ? order.shipping - order.refundedShipping : 0;
  const unitsLeft = lines.every((l) => l.quantity - l.refundedQuantity === (input.lines.find((a) => a.lineId === l.id)?.quantity ?? 0));
  // The last refund gives back all that is left, the sales tax Stripe added included.
  const last = unitsLeft && order.shipping - order.refundedShipping === shipping;
  const amount = last ? order.total - order.refunded : refunded.reduce((sum, l) => sum + l.amount, 0) + shipping;
  if (amount <= 0) throw new AppError("BAD_REQUEST", "order.refundNothing", "Choose at least one item or the shipping to refund.");
  if (order.refunded + amount > order.total) throw new Error(`Refund of ${amount} would take order ${order.id} past its total ${order.total}`);

  const [row] = await tx.insert(orderRefunds).values({ orderId: order.id, amount, currency: order.currency, shipping, lines: refunded, reason: input.reason, actor }).returning({ id: orderRefunds.id });
  for (const l of refunded) await tx.update(orderLines).set({ refundedQuantity: sql`${orderLines.refundedQuantity} + ${l.quantity}` }).where(eq(orderLines.id, l.lineId));
  await tx.update(orders).set({ refunded: order.refunded + amount, refundedShipping: order.refundedShipping + shipping }).where(eq(orders.id, order.id));
  return { refundId: row!.id, orderId: order.id, provider: order.provider, providerPaymentId: order.providerPaymentId, amount, paid: order.total, refundedBefore: order.refunded, currency: order.currency, reason: input.reason, everything: order.refunded + amount === order.total };
}

async function undoRefund(tx: DbOrTx, refundId: string): Promise<void> {
  const [refund] = await tx.update(orderRefunds).set({ status: "failed" }).where(and(eq(orderRefunds.id, refundId), eq(orderRefunds.status, "pending"))).returning();
  if (!refund) return;
  for (const l of refund.lines) await tx.update(orderLines).set({ refundedQuantity: sql`${orderLines.refundedQuantity} - ${l.quantity}` }).where(eq(orderLines.id, l.lineId));
  await tx
    .update(orders)
    .set({ refunded: sql`${orders.refunded} - ${refund.amount}`, refundedShipping: sql`${orders.refundedShipping} - ${refund.shipping}` })
    .where(eq(orders.id, refund.orderId));
}

async function settleRefund(tx: DbOrTx, r: Reserved, actor: string): Promise<void> {
  await tx.update(orderRefunds).set({ status: "succeeded" }).where(eq(orderRefunds.id, r.refundId));
  const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, r.orderId)).for("update");
  if (r.everything && canMove(order!.status, "refunded")) {
    await moveOrder(tx, r.orderId, "refunded", actor, r.reason);
    return;
  }
  const note = `Refunded ${formatMoney(r.amount, r.currency, "en-US")}: ${r.reason}`;
  await tx.insert(orderEvents).values({ orderId: r.orderId, fromStatus: order!.status, toStatus: order!.status, actor, note });
  await enqueue(tx, "sendRefundMail", { refundId: r.refundId }, { maxAttempts: 5 });
}
