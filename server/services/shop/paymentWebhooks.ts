import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, paymentEvents } from "@/db/schema";
import { UNPAID, type OrderStatus } from "@/domain/shop/orderStatus";
import { addedTax } from "@/domain/shop/tax";
import { queueLateRefund } from "./latePayment";
import { moveOrder } from "./orderTransitions";
import { paymentProviders, type ProviderId } from "./payments/paymentProviders";
import { WebhookRejected, type PaymentEvent } from "./payments/provider";

export type WebhookAnswer = { status: 200 | 400 | 404; message: string };

const TARGET: Record<PaymentEvent["outcome"], OrderStatus> = { paid: "paid", failed: "payment_failed", canceled: "canceled", refunded: "refunded" };

/**
 * A provider's webhook: signature checked by the provider's adapter, then applied at most once per
 * event id, and only when the amount and currency are the order's own. A payment for an order
 * that expired first is refunded (latePayment.ts). Anything else is recorded with why it changed nothing. Answers 200 to every verified event, so the provider stops
 * resending, and 400 to a forged or malformed one.
 */
export async function receiveWebhook(db: Db, providerId: string, rawBody: string, headers: Headers): Promise<WebhookAnswer> {
  const provider = paymentProviders().get(providerId as ProviderId);
  if (!provider) return { status: 404, message: "No such payment provider here." };
  let event;
  try {
    event = await provider.parseWebhook(rawBody, headers);
  } catch (e) {
    if (e instanceof WebhookRejected) return { status: 400, message: e.message };
    throw e;
  }
  if ("ignored" in event) return { status: 200, message: `Ignored: ${event.ignored}` };
  const outcome = await applyPaymentEvent(db, provider.id, event);
  return { status: 200, message: outcome };
}

export async function applyPaymentEvent(db: Db, providerId: ProviderId, event: PaymentEvent): Promise<string> {
  return db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(paymentEvents)
      .values({ provider: providerId, eventId: event.eventId, kind: event.outcome, amount: event.amount, currency: event.currency, outcome: "pending" })
      .onConflictDoNothing()
      .returning({ eventId: paymentEvents.eventId });
    if (!fresh) return "duplicate";
    const outcome = await applyOnce(tx, providerId, event);
    await tx.update(paymentEvents).set({ outcome, orderId: outcome === "unknownOrder" ? null : event.orderId }).where(and(eq(paymentEvents.provider, providerId), eq(paymentEvents.eventId, event.eventId)));
    return outcome;
  });
}

async function applyOnce(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], providerId: ProviderId, event: PaymentEvent): Promise<string> {
  const [order] = await tx.select({ total: orders.total, currency: orders.currency, provider: orders.provider, status: orders.status, stripeTax: orders.stripeTax }).from(orders).where(eq(orders.id, event.orderId)).for("update");
  if (!order) return "unknownOrder";
  if (order.provider !== providerId) return "wrongProvider";
  // Stripe Tax added sales tax to the order at payment: the amount paid is its total plus that tax
  // (read once, on the first payment; a late one on a canceled order is refunded with its tax).
  const firstPayment = UNPAID.includes(order.status) || order.status === "canceled";
  const tax = event.outcome === "paid" && order.stripeTax && firstPayment ? addedTax(event.amount, order.total) : null;
  if (tax && event.currency === order.currency) {
    await tx.update(orders).set({ tax, total: order.total + tax }).where(eq(orders.id, event.orderId));
    order.total += tax;
  }
  if ((event.outcome === "paid" || event.outcome === "refunded") && (event.amount !== order.total || event.currency !== order.currency)) return "amountMismatch";
  if (event.providerPaymentId) await tx.update(orders).set({ providerPaymentId: event.providerPaymentId }).where(eq(orders.id, event.orderId));
  if (event.outcome === "paid" && order.status === "canceled") {
    await queueLateRefund(tx, event.orderId, providerId);
    return "lateRefund";
  }
  const moved = await moveOrder(tx, event.orderId, TARGET[event.outcome], `provider:${providerId}`);
  return moved ? "applied" : "notApplicable";
}
