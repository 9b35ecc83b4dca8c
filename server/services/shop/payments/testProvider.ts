import { createHmac } from "node:crypto";
import { z } from "zod";
import { sameDigest } from "../shopSecret";
import { WebhookRejected, type IgnoredEvent, type PaymentEvent, type PaymentProvider, type PaymentRequest, type RefundRequest } from "./provider";

export const TEST_SIGNATURE_HEADER = "merchboard-test-signature";
/** A signature older than this is refused, so a captured webhook cannot be replayed later. */
const TOLERANCE_SECONDS = 300;

const eventSchema = z.object({
  id: z.string().min(1).max(100),
  type: z.enum(["payment.succeeded", "payment.failed"]),
  data: z.object({ orderId: z.string().uuid(), paymentId: z.string().max(100), amount: z.number().int().nonnegative(), currency: z.string().length(3) }),
});
export type TestWebhookBody = z.infer<typeof eventSchema>;

export type TestRefund = { amount: number; currency: string; reason: string };
/** The test bank's side of refunds, by order and then by refund id: what a real provider's dashboard would list. */
const refunds = new Map<string, Map<string, TestRefund>>();
/** The refunds the test bank made for an order, oldest first. */
export const testRefundsOf = (orderId: string): TestRefund[] => [...(refunds.get(orderId)?.values() ?? [])];
/** The first refund the test bank made for an order, if any. */
export const testRefundOf = (orderId: string): TestRefund | undefined => testRefundsOf(orderId)[0];

/**
 * The built-in provider, for development and tests: its payment page is ours (`/pay/test/<id>`),
 * and its webhooks are signed like Stripe's: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 */
export function createTestProvider(opts: { appUrl: string; secret: string; orderKey: (orderId: string) => string }): PaymentProvider & { sign: (body: string, at?: number) => string } {
  const sign = (body: string, at = Math.floor(Date.now() / 1000)) => `t=${at},v1=${createHmac("sha256", opts.secret).update(`${at}.${body}`).digest("hex")}`;
  return {
    id: "test",
    sign,
    async start(request: PaymentRequest) {
      return { paymentUrl: `${opts.appUrl}/pay/test/${request.orderId}?key=${opts.orderKey(request.orderId)}`, providerPaymentId: `test_${request.orderId}` };
    },
    /** The test bank gives the money back at once, once per refund id, never more than was paid. */
    async refund(request: RefundRequest) {
      const made = refunds.get(request.orderId) ?? new Map<string, TestRefund>();
      if (made.has(request.refundId)) return;
      const given = [...made.values()].reduce((sum, r) => sum + r.amount, 0);
      if (given + request.amount > request.paid) throw new Error(`The test bank refuses to refund ${request.amount} more of ${request.paid} (${given} refunded already)`);
      refunds.set(request.orderId, made.set(request.refundId, { amount: request.amount, currency: request.currency, reason: request.reason }));
    },

    async parseWebhook(rawBody: string, headers: Headers): Promise<PaymentEvent | IgnoredEvent> {
      const header = headers.get(TEST_SIGNATURE_HEADER) ?? "";
      const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
      const at = Number(parts.t);
      if (!Number.isInteger(at) || !parts.v1) throw new WebhookRejected("The webhook is not signed.");
      if (Math.abs(Date.now() / 1000 - at) > TOLERANCE_SECONDS) throw new WebhookRejected("The webhook's signature is too old.");
      if (!sameDigest(sign(rawBody, at), header.replace(/\s/g, ""))) throw new WebhookRejected("The webhook's signature does not match.");
      let body: TestWebhookBody;
      try {
        body = eventSchema.parse(JSON.parse(rawBody));
      } catch {
        throw new WebhookRejected("The webhook's body is not a payment event.");
      }
      return {
        eventId: body.id,
        orderId: body.data.orderId,
        outcome: body.type === "payment.succeeded" ? "paid" : "failed",
        amount: body.data.amount,
        currency: body.data.currency.toUpperCase(),
        providerPaymentId: body.data.paymentId,
      };
    },
  };
}
