import { PaymentClient, Webhook } from "@portone/server-sdk";
import type { Currency } from "@portone/server-sdk/common";
import type { Payment } from "@portone/server-sdk/payment";
import { type IgnoredEvent, type PaymentEvent, type PaymentProvider, type PaymentRequest, type RefundRequest, WebhookRejected } from "./provider";

/** The two calls we make to PortOne's payment API (V2). */
export type PortOnePaymentApi = Pick<PaymentClient, "preRegisterPayment" | "getPayment" | "cancelPayment">;

export type PortOneProviderOptions = {
  apiSecret: string;
  /** `whsec_…` from the console; webhooks must use the 2024-04-25 format. */
  webhookSecret: string;
  storeId: string;
  /** The browser's payment window names the channel (see portoneCheckoutParams); the server does not need it. */
  channelKey?: string;
  /** Our origin: the checkout page lives under it. */
  appUrl: string;
  /** PortOne's API origin; https://api.portone.io unless set (tests point it at a local server). */
  baseUrl?: string;
  /** Replaces the SDK's client altogether. */
  paymentClient?: PortOnePaymentApi;
};

/** The page that opens PortOne's payment window for an order. */
export function portoneCheckoutPath(orderId: string): string {
  return `/pay/portone/${encodeURIComponent(orderId)}`;
}

/**
 * PortOne (V2) payments are requested in the browser; the server pre-registers the amount so that
 * PortOne refuses a payment for any other amount, and learns the outcome from webhooks. The order id
 * is PortOne's payment id. Amounts need no conversion: PortOne takes ISO 4217 minor units, as we
 * store them (USD in cents, KRW and JPY in whole units).
 */
export function createPortOneProvider(options: PortOneProviderOptions): PaymentProvider {
  const { webhookSecret, storeId } = options;
  const client: PortOnePaymentApi = options.paymentClient ?? PaymentClient({ secret: options.apiSecret, baseUrl: options.baseUrl, storeId });
  const appUrl = options.appUrl.replace(/\/$/, "");

  return {
    id: "portone",

    async start(request: PaymentRequest) {
      await client.preRegisterPayment({ paymentId: request.orderId, storeId, totalAmount: request.amount, currency: request.currency.toUpperCase() as Currency });
      // The page sends the shopper back to our order page, which only the caller knows.
      const paymentUrl = `${appUrl}${portoneCheckoutPath(request.orderId)}?return=${encodeURIComponent(request.returnUrl)}`;
      return { paymentUrl, providerPaymentId: request.orderId };
    },

    async refund(request: RefundRequest) {
      // A payment already cancelled answers with an error, and nothing is refunded twice. A part is
      // given back only while the payment's balance is what we think, so a retry cannot take two parts.
      const whole = request.refundedBefore === 0 && request.amount === request.paid;
      const part = whole ? {} : { amount: request.amount, currentCancellableAmount: request.paid - request.refundedBefore };
      await client.cancelPayment({ paymentId: request.orderId, storeId, ...part, reason: request.reason.slice(0, 200) || "Refunded by the shop", requester: "ADMIN" });
    },

    async parseWebhook(rawBody: string, headers: Headers) {
      let webhook: Webhook.Webhook;
      try {
        webhook = await Webhook.verify(webhookSecret, rawBody, Object.fromEntries(headers.entries()));
      } catch (e) {
        const reason = e instanceof Webhook.WebhookVerificationError ? e.reason : e instanceof Error ? e.message : String(e);
        throw new WebhookRejected(`PortOne webhook not verified: ${reason}`);
      }
      const eventId = headers.get("webhook-id")!;
      if (typeof webhook !== "object" || webhook === null || typeof webhook.type !== "string") throw new WebhookRejected("PortOne webhook without a type");
      if (webhook.type !== "Transaction.Paid" && webhook.type !== "Transaction.Failed" && webhook.type !== "Transaction.Cancelled") return { ignored: webhook.type };
      const data = "data" in webhook ? (webhook.data as { paymentId?: unknown; storeId?: unknown }) : undefined;
      if (typeof data?.paymentId !== "string") throw new WebhookRejected(`PortOne ${webhook.type} webhook without a payment id`);
      if (data.storeId !== undefined && data.storeId !== storeId) return { ignored: `${webhook.type} for another store` };

      // The webhook names the payment only: what was paid, and whether it still stands, is what the API says now.
      const payment = await client.getPayment({ paymentId: data.paymentId, storeId });
      return paymentEvent(eventId, payment);
    },
  };
}

function paymentEvent(eventId: string, payment: Payment): PaymentEvent | IgnoredEvent {
  if (payment.status !== "PAID" && payment.status !== "FAILED" && payment.status !== "CANCELLED") return { ignored: `PortOne payment in status ${String(payment.status)}` };
  return { eventId, orderId: payment.id, outcome: OUTCOMES[payment.status], amount: payment.amount.total, currency: payment.currency.toUpperCase(), providerPaymentId: payment.id };
}

/** CANCELLED is a paid payment cancelled in full, its money returned; an unpaid one stays READY or FAILED. */
const OUTCOMES = { PAID: "paid", FAILED: "failed", CANCELLED: "refunded" } as const;
