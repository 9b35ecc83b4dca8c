import Stripe from "stripe";
import { type IgnoredEvent, type PaymentEvent, type PaymentProvider, type PaymentRequest, type RefundRequest, WebhookRejected } from "./provider";

export type StripeProviderOptions = {
  secretKey: string;
  webhookSecret: string;
  /** Passed to the Stripe client as is (tests point `host`, `port` and `protocol` at a local server). */
  stripeOptions?: Stripe.StripeConfig;
};

/**
 * Our amounts are ISO 4217 minor units: cents for USD, whole won for KRW and whole yen for JPY
 * (they have no minor unit). Stripe takes "the smallest currency unit", which is the same number
 * for every currency, zero-decimal ones (KRW, JPY…) and three-decimal ones included, except ISK:
 * zero-decimal in ISO 4217 but still written with two decimals in Stripe's API (100 = 1 króna).
 */
const WHOLE_UNITS_WRITTEN_IN_HUNDREDTHS = new Set(["ISK"]);

export function toStripeAmount(amount: number, currency: string): number {
  return WHOLE_UNITS_WRITTEN_IN_HUNDREDTHS.has(currency.toUpperCase()) ? amount * 100 : amount;
}

export function fromStripeAmount(amount: number, currency: string): number {
  return WHOLE_UNITS_WRITTEN_IN_HUNDREDTHS.has(currency.toUpperCase()) ? Math.round(amount / 100) : amount;
}

/** Stripe Tax's code for tangible goods in general (printed apparel, mugs, posters). */
const GENERAL_GOODS_TAX_CODE = "txcd_99999999";

/** Stripe closes a Checkout Session no sooner than 30 minutes after it is made (its own limit). */
const MIN_SESSION_SECONDS = 30 * 60 + 30;

/**
 * When the Checkout Session closes: when the order stops holding its items, or as soon after as
 * Stripe allows (its default is 24 hours). A payment that still lands after the order expired
 * is refunded (latePayment.ts).
 */
export function sessionExpiry(payBy: Date, now = Date.now()): number {
  return Math.ceil(Math.max(payBy.getTime(), now + MIN_SESSION_SECONDS * 1000) / 1000);
}

/** Payments on a Stripe Checkout page; the outcome arrives by webhook. */
export function createStripeProvider({ secretKey, webhookSecret, stripeOptions }: StripeProviderOptions): PaymentProvider {
  const stripe = new Stripe(secretKey, stripeOptions);

  return {
    id: "stripe",

    async start(request: PaymentRequest) {
      const orderMetadata = { orderId: request.orderId };
      const taxed = request.automaticTax ? await taxedCheckout(request, request.automaticTax) : null;
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency.toLowerCase(),
                unit_amount: toStripeAmount(request.amount - (taxed ? request.automaticTax!.shipping : 0), request.currency),
                product_data: { name: request.description, ...(taxed && { tax_code: GENERAL_GOODS_TAX_CODE }) },
                ...(taxed && { tax_behavior: "exclusive" as const }),
              },
            },
          ],
          ...(taxed ?? { customer_email: request.email }),
          client_reference_id: request.orderId,
          metadata: orderMetadata,
          // So that the payment names its order in Stripe's dashboard too.
          payment_intent_data: { metadata: orderMetadata },
          success_url: request.returnUrl,
          cancel_url: request.cancelUrl,
          expires_at: sessionExpiry(request.payBy),
        },
        // A retried start (a double click, a lost response) gets the same session, not a second one.
        { idempotencyKey: `checkout-session-${request.orderId}` },
      );
      if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`);
      return { paymentUrl: session.url, providerPaymentId: session.id };
    },

    async refund(request: RefundRequest) {
      if (!request.providerPaymentId) throw new Error(`Order ${request.orderId} has no Checkout Session to refund`);
      const session = await stripe.checkout.sessions.retrieve(request.providerPaymentId);
      const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
      if (!paymentIntent) throw new Error(`Checkout Session ${session.id} has no payment to refund`);
      await stripe.refunds.create(
        { payment_intent: paymentIntent, amount: toStripeAmount(request.amount, request.currency), reason: "requested_by_customer", metadata: { orderId: request.orderId, refundId: request.refundId, note: request.reason.slice(0, 500) } },
        { idempotencyKey: `refund-${request.refundId}` },
      );
    },

    async parseWebhook(rawBody: string, headers: Headers) {
      const signature = headers.get("stripe-signature");
      if (!signature) throw new WebhookRejected("Stripe webhook without a stripe-signature header");
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(rawBody, signature, webhookSecret);
      } catch (e) {
        throw new WebhookRejected(`Stripe webhook not verified: ${e instanceof Error ? e.message : String(e)}`);
      }
      switch (event.type) {
        case "checkout.session.completed":
          // Bank debits and vouchers complete unpaid; their async_payment_* event follows.
          if (event.data.object.payment_status !== "paid") return { ignored: `checkout.session.completed with payment_status ${event.data.object.payment_status}` };
          return sessionEvent(event.id, event.data.object, "paid");
        case "checkout.session.async_payment_succeeded":
          return sessionEvent(event.id, event.data.object, "paid");
        case "checkout.session.async_payment_failed":
          return sessionEvent(event.id, event.data.object, "failed");
        case "checkout.session.expired":
          return sessionEvent(event.id, event.data.object, "canceled");
        case "charge.refunded":
          return refundEvent(event.id, event.data.object);
        default:
          return { ignored: event.type };
      }
    },
  };

  /**
   * Stripe Tax needs the address before the page opens: a customer carrying it, and the shipping
   * as its own taxable charge. The order's goods are one line, priced before tax.
   */
  async function taxedCheckout(request: PaymentRequest, tax: NonNullable<PaymentRequest["automaticTax"]>) {
    const a = tax.address;
    const address = { line1: a.line1, line2: a.line2 ?? undefined, city: a.city, state: a.region ?? undefined, postal_code: a.postalCode, country: a.country };
    const customer = await stripe.customers.create({ email: request.email, name: a.name, address, shipping: { name: a.name, address, phone: a.phone ?? undefined } }, { idempotencyKey: `customer-${request.orderId}` });
    return {
      customer: customer.id,
      automatic_tax: { enabled: true },
      shipping_options: [
        { shipping_rate_data: { type: "fixed_amount" as const, display_name: "Shipping", fixed_amount: { amount: toStripeAmount(tax.shipping, request.currency), currency: request.currency.toLowerCase() }, tax_behavior: "exclusive" as const } },
      ],
    };
  }

  /**
   * A refund is reported on the charge, in the currency the shopper paid in. The Checkout Session
   * behind its payment intent names the order and holds the amount in the order's own currency.
   */
  async function refundEvent(eventId: string, charge: Stripe.Charge): Promise<PaymentEvent | IgnoredEvent> {
    if (!charge.refunded) return { ignored: "charge.refunded for part of the charge" };
    const paymentIntent = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
    if (!paymentIntent) return { ignored: "charge.refunded for a charge without a payment intent" };
    const sessions = await stripe.checkout.sessions.list({ payment_intent: paymentIntent, limit: 1 });
    const session = sessions.data[0];
    if (!session) return { ignored: `charge.refunded for payment intent ${paymentIntent}, not paid through Checkout` };
    return sessionEvent(eventId, session, "refunded");
  }
}

function sessionEvent(eventId: string, session: Stripe.Checkout.Session, outcome: PaymentEvent["outcome"]): PaymentEvent | IgnoredEvent {
  const orderId = session.metadata?.orderId ?? session.client_reference_id;
  if (!orderId) return { ignored: `Checkout Session ${session.id} has no order id` };
  // With Adaptive Pricing the shopper may pay in their own currency; the order is in the session's source currency.
  const amount = session.currency_conversion?.amount_total ?? session.amount_total;
  const currency = session.currency_conversion?.source_currency ?? session.currency;
  if (amount == null || !currency) throw new WebhookRejected(`Checkout Session ${session.id} without an amount or currency`);
  return { eventId, orderId, outcome, amount: fromStripeAmount(amount, currency), currency: currency.toUpperCase(), providerPaymentId: session.id };
}
