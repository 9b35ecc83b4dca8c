import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { orderEvents, orders } from "@/db/schema";
import { enqueue } from "../../jobs/enqueue";
import { paymentProviders, type ProviderId } from "./payments/paymentProviders";
import type { PaymentProvider } from "./payments/provider";

const REFUNDING = "Paid after the order had expired and its items were released: the payment is being refunded in full.";
const REFUNDED = "Paid after the order had expired: refunded in full through the payment provider.";

/**
 * A payment for an order that expired first (its items went back on sale): the money is not kept.
 * The timeline says so at once, for the shop admin, and a job refunds it through the provider
 * outside this transaction, retrying while the provider is down.
 */
export async function queueLateRefund(tx: DbOrTx, orderId: string, providerId: ProviderId): Promise<void> {
  await tx.insert(orderEvents).values({ orderId, fromStatus: "canceled", toStatus: "canceled", actor: `provider:${providerId}`, note: REFUNDING });
  await enqueue(tx, "refundLatePayment", { orderId }, { maxAttempts: 25, jobKey: `refundLatePayment:${orderId}` });
}

/**
 * The job's work: the whole amount back through the order's provider (each provider refunds an
 * order once however often it is asked), then the order reads refunded and the buyer is mailed.
 * Returns false when there was nothing to do (already refunded, or not a canceled order).
 */
export async function refundLatePayment(db: Db, orderId: string, providers: ReadonlyMap<ProviderId, PaymentProvider> = paymentProviders()): Promise<boolean> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order || order.status !== "canceled") return false;
  const provider = providers.get(order.provider as ProviderId);
  if (!provider) throw new Error(`Order ${orderId} was paid late through ${order.provider}, which is not configured here: refund it in its dashboard.`);
  await provider.refund({ orderId, refundId: `late-${orderId}`, providerPaymentId: order.providerPaymentId, amount: order.total, paid: order.total, refundedBefore: 0, currency: order.currency, reason: "Paid after the order expired" });
  return db.transaction(async (tx) => {
    const [moved] = await tx.update(orders).set({ status: "refunded" }).where(and(eq(orders.id, orderId), eq(orders.status, "canceled"))).returning({ id: orders.id });
    if (!moved) return false;
    await tx.insert(orderEvents).values({ orderId, fromStatus: "canceled", toStatus: "refunded", actor: "system", note: REFUNDED });
    await enqueue(tx, "sendOrderMail", { orderId, status: "refunded" }, { maxAttempts: 5 });
    return true;
  });
}
