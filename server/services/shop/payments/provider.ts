import type { ShippingAddress } from "@/domain/shop/address";

/** What a payment provider needs to know about an order to take its payment. */
export type PaymentRequest = {
  orderId: string;
  /** In minor units of `currency` (cents, won). */
  amount: number;
  currency: string;
  email: string;
  /** One line for the provider's page and statement, e.g. "Merchboard order 1a2b3c4d". */
  description: string;
  /** Where the provider sends the shopper back after paying (our order page). */
  returnUrl: string;
  /** Where the shopper lands if they give up on the provider's page. */
  cancelUrl: string;
  /** When the order stops holding its items: the provider's page should close by then. */
  payBy: Date;
  /**
   * The provider computes sales tax for this address and adds it (Stripe Tax); `shipping` is the
   * part of `amount` that is shipping, taxed by its own rules. Null: `amount` is all there is.
   */
  automaticTax?: { address: ShippingAddress; shipping: number } | null;
};

export type PaymentStart = {
  /** The page the shopper is sent to for paying. */
  paymentUrl: string;
  /** The provider's id for this payment, when it has one before the shopper pays. */
  providerPaymentId: string | null;
};

/**
 * A webhook after its signature was verified, in our terms. `amount` and `currency` are what the
 * provider says was paid; the order service checks them against the order before applying it.
 */
export type PaymentEvent = {
  /** The provider's event id: the same event delivered twice is applied once. */
  eventId: string;
  orderId: string;
  outcome: "paid" | "failed" | "canceled" | "refunded";
  amount: number;
  currency: string;
  providerPaymentId: string | null;
};

/** A webhook we heard but that changes no order (another event type, a test ping). */
export type IgnoredEvent = { ignored: string };

export class WebhookRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookRejected";
  }
}

/**
 * Money to give back on a paid order: `amount` of the `paid` total, after `refundedBefore` went
 * back already. `refundId` is ours and names this refund to the provider (asked twice, it refunds once).
 */
export type RefundRequest = { orderId: string; refundId: string; providerPaymentId: string | null; amount: number; paid: number; refundedBefore: number; currency: string; reason: string };

export interface PaymentProvider {
  readonly id: "test" | "portone" | "stripe";
  /** Starts a payment; nothing is charged until the shopper confirms on the provider's page. */
  start(request: PaymentRequest): Promise<PaymentStart>;
  /**
   * Verifies a webhook's signature over the raw body and turns it into an event, asking the
   * provider's API for the payment where the webhook itself does not carry the amount.
   * Throws WebhookRejected for a bad signature, a stale timestamp or a malformed body.
   */
  parseWebhook(rawBody: string, headers: Headers): Promise<PaymentEvent | IgnoredEvent>;
  /**
   * Gives `amount` of the payment back, all or part. Safe to repeat for the same refund id.
   * Throws when the provider refuses or cannot be reached; the order then stays as it was.
   */
  refund(request: RefundRequest): Promise<void>;
}
