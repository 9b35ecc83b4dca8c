import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { orders } from "@/db/schema";
import { UNPAID } from "@/domain/shop/orderStatus";
import { env } from "../../../env";
import { AppError } from "../../../errors";
import { orderKey, orderLink, sameDigest } from "../shopSecret";
import { paymentProviders, testProvider } from "./paymentProviders";
import { TEST_SIGNATURE_HEADER, type TestWebhookBody } from "./testProvider";
import { decideCard } from "./testCards";

export const TEST_WEBHOOK_PATH = "/api/webhooks/test";

export const testPaymentPageView = z.object({ orderId: z.string(), total: z.number().int(), currency: z.string(), email: z.string(), status: z.string(), payable: z.boolean() });
export type TestPaymentPage = z.infer<typeof testPaymentPageView>;

export const testPaymentResult = z.union([z.object({ outcome: z.literal("needsVerification") }), z.object({ outcome: z.enum(["paid", "declined"]), reason: z.string().nullable(), orderUrl: z.string() })]);
export type TestPaymentResult = z.infer<typeof testPaymentResult>;

async function requireOrder(db: DbOrTx, orderId: string, key: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  // Off (no page, no webhook) while a real provider takes the shop's payments: see enabledProviders.
  if (!order || order.provider !== "test" || !paymentProviders().has("test") || !sameDigest(key, orderKey(orderId))) {
    throw new AppError("NOT_FOUND", "payment.notFound", "There is no such payment.");
  }
  return order;
}

/** What the test provider's page shows: the amount and whether it can still be paid. */
export async function testPaymentPage(db: DbOrTx, input: { orderId: string; key: string }): Promise<TestPaymentPage> {
  const order = await requireOrder(db, input.orderId, input.key);
  return { orderId: order.id, total: order.total, currency: order.currency, email: order.email, status: order.status, payable: UNPAID.includes(order.status) };
}

/**
 * The shopper pressed Approve or Decline on the test provider's page. Like a real provider, the
 * outcome reaches the shop only as a signed webhook, posted over HTTP to our endpoint; the page
 * then sends the shopper to the order.
 */
export async function completeTestPayment(db: DbOrTx, input: { orderId: string; key: string; action: "approve" | "decline"; card: string; code?: string }): Promise<TestPaymentResult> {
  const order = await requireOrder(db, input.orderId, input.key);
  if (!UNPAID.includes(order.status)) throw new AppError("BAD_REQUEST", "payment.closed", "This order is no longer waiting for payment.");
  const decision = input.action === "decline" ? { outcome: "declined" as const, reason: "You declined the payment." } : decideCard(input.card, input.code);
  if (decision.outcome === "needsVerification") return decision;
  const body: TestWebhookBody = {
    id: `evt_${randomUUID()}`,
    type: decision.outcome === "approved" ? "payment.succeeded" : "payment.failed",
    data: { orderId: order.id, paymentId: `test_${order.id}`, amount: order.total, currency: order.currency },
  };
  const raw = JSON.stringify(body);
  const appUrl = env().APP_URL;
  const res = await fetch(`${appUrl}${TEST_WEBHOOK_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: testProvider().sign(raw) },
    body: raw,
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`The shop's webhook answered ${res.status}: ${await res.text()}`);
  return { outcome: decision.outcome === "approved" ? "paid" : "declined", reason: decision.outcome === "declined" ? decision.reason : null, orderUrl: orderLink(appUrl, order.id) };
}
