import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, startRecordedApi } from "./fixtures/recordedApi";
import { WebhookRejected } from "./provider";
import { createStripeProvider, fromStripeAmount, sessionExpiry, toStripeAmount } from "./stripePayments";

const WEBHOOK_SECRET = "whsec_test_5Kq8Xr2Lm9Vb3Nc6Zt1Wy4Pd7Hf0Jg";
const ORDER_ID = "5f0c3c52-7d3e-4c0b-9a0e-2b1f6f6f8a11";
const stripeFixture = (name: string) => fixture(`stripe/${name}`);
const PAID_SESSION = "cs_test_a1kQ7cR9vXbN2mZ4pL8sT3wY6uH0eJ5dF9gK2nB7qC4xV1zM8rW3tS6yP0";

let api: Awaited<ReturnType<typeof startRecordedApi>>;
let provider: ReturnType<typeof createStripeProvider>;

beforeAll(async () => {
  api = await startRecordedApi((req) => {
    if (req.method === "POST" && req.path === "/v1/checkout/sessions") return { body: stripeFixture("checkout-session.json") };
    if (req.method === "GET" && req.path === "/v1/checkout/sessions?payment_intent=pi_3QyZa2Lk8mN4oP6q1rS7tU9v&limit=1") return { body: stripeFixture("checkout-sessions-by-payment-intent.json") };
    if (req.method === "GET" && req.path === `/v1/checkout/sessions/${PAID_SESSION}`) return { body: stripeFixture("checkout-session-paid.json") };
    if (req.method === "POST" && req.path === "/v1/refunds") return { body: stripeFixture("refund.json") };
    if (req.method === "POST" && req.path === "/v1/customers") return { body: stripeFixture("customer.json") };
    return { status: 404, body: JSON.stringify({ error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${req.path})` } }) };
  });
  provider = createStripeProvider({
    secretKey: "sk_test_51QyZa2Lk8mN4oP6qLocalOnly",
    webhookSecret: WEBHOOK_SECRET,
    stripeOptions: { host: "127.0.0.1", port: api.port, protocol: "http", maxNetworkRetries: 0 },
  });
});

afterAll(() => api.close());

function signed(body: string, opts: { secret?: string; timestamp?: number } = {}): Headers {
  const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: opts.secret ?? WEBHOOK_SECRET, timestamp: opts.timestamp });
  return new Headers({ "content-type": "application/json", "stripe-signature": header });
}

async function expectRejected(parsing: Promise<unknown>, message: RegExp) {
  const error = await parsing.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookRejected);
  expect((error as Error).message).toMatch(message);
}

async function webhook(name: string) {
  const body = stripeFixture(name);
  return provider.parseWebhook(body, signed(body));
}

describe("Stripe start", () => {
  it("creates a Checkout Session for the order that closes when the order stops holding its items, and sends the shopper to its page", async () => {
    const sent = api.requests.length;
    const payBy = new Date(Date.now() + 45 * 60_000);
    const started = await provider.start({
      orderId: ORDER_ID,
      amount: 4200,
      currency: "USD",
      email: "shopper@example.com",
      description: "Merchboard order 5f0c3c52",
      returnUrl: `https://shop.example.com/orders/${ORDER_ID}`,
      cancelUrl: `https://shop.example.com/orders/${ORDER_ID}?canceled=1`,
      payBy,
    });
    expect(started).toEqual({
      paymentUrl: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/),
      providerPaymentId: "cs_test_a1kQ7cR9vXbN2mZ4pL8sT3wY6uH0eJ5dF9gK2nB7qC4xV1zM8rW3tS6yP0",
    });

    const request = api.requests[sent]!;
    expect(request.headers["idempotency-key"]).toBe(`checkout-session-${ORDER_ID}`);
    expect(request.headers.authorization).toBe("Bearer sk_test_51QyZa2Lk8mN4oP6qLocalOnly");
    const form = Object.fromEntries(new URLSearchParams(request.body));
    expect(form).toMatchObject({
      mode: "payment",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "4200",
      "line_items[0][price_data][product_data][name]": "Merchboard order 5f0c3c52",
      customer_email: "shopper@example.com",
      client_reference_id: ORDER_ID,
      "metadata[orderId]": ORDER_ID,
      "payment_intent_data[metadata][orderId]": ORDER_ID,
      success_url: `https://shop.example.com/orders/${ORDER_ID}`,
      cancel_url: `https://shop.example.com/orders/${ORDER_ID}?canceled=1`,
      expires_at: String(Math.ceil(payBy.getTime() / 1000)),
    });
  });

  it("has Stripe Tax add sales tax for the shipping address when asked: goods and shipping priced before tax, each taxed by its own rules", async () => {
    const sent = api.requests.length;
    const address = { name: "Ada Lovelace", line1: "12 Analytical St", city: "Springfield", region: "IL", postalCode: "62701", country: "US", phone: "(217) 555-0134" };
    await provider.start({
      orderId: ORDER_ID,
      amount: 4200,
      currency: "USD",
      email: "shopper@example.com",
      description: "Merchboard order 5f0c3c52",
      returnUrl: `https://shop.example.com/orders/${ORDER_ID}`,
      cancelUrl: `https://shop.example.com/cart`,
      payBy: new Date(Date.now() + 45 * 60_000),
      automaticTax: { address, shipping: 499 },
    });
    const [customer, session] = api.requests.slice(sent);
    expect([customer!.path, customer!.headers["idempotency-key"]]).toEqual(["/v1/customers", `customer-${ORDER_ID}`]);
    expect(Object.fromEntries(new URLSearchParams(customer!.body))).toMatchObject({ email: "shopper@example.com", name: "Ada Lovelace", "address[state]": "IL", "address[postal_code]": "62701", "shipping[address][country]": "US", "shipping[phone]": "(217) 555-0134" });
    const form = Object.fromEntries(new URLSearchParams(session!.body));
    expect(form).toMatchObject({
      customer: "cus_RqZa2Lk8mN4oP6",
      "automatic_tax[enabled]": "true",
      "line_items[0][price_data][unit_amount]": "3701",
      "line_items[0][price_data][tax_behavior]": "exclusive",
      "line_items[0][price_data][product_data][tax_code]": "txcd_99999999",
      "shipping_options[0][shipping_rate_data][fixed_amount][amount]": "499",
      "shipping_options[0][shipping_rate_data][tax_behavior]": "exclusive",
    });
    expect(form).not.toHaveProperty("customer_email");
  });

  it("closes the session as soon after the order's deadline as Stripe allows (30 minutes from now at least)", () => {
    const now = Date.UTC(2026, 11, 5, 12, 0, 0);
    expect(sessionExpiry(new Date(now + 29 * 60_000), now)).toBe(now / 1000 + 30 * 60 + 30);
    expect(sessionExpiry(new Date(now + 2 * 3600_000), now)).toBe(now / 1000 + 2 * 3600);
  });

  it("sends won as whole units: KRW has no minor unit in either system", async () => {
    const sent = api.requests.length;
    await provider.start({
      orderId: ORDER_ID,
      amount: 35000,
      currency: "KRW",
      email: "shopper@example.com",
      description: "Merchboard order 5f0c3c52",
      returnUrl: "https://shop.example.com/r",
      cancelUrl: "https://shop.example.com/c",
      payBy: new Date(Date.now() + 30 * 60_000),
    });
    const form = new URLSearchParams(api.requests[sent]!.body);
    expect(form.get("line_items[0][price_data][currency]")).toBe("krw");
    expect(form.get("line_items[0][price_data][unit_amount]")).toBe("35000");
  });
});

describe("Stripe amounts", () => {
  it("are our minor units, except ISK which Stripe writes with two decimals", () => {
    expect(toStripeAmount(4200, "USD")).toBe(4200);
    expect(toStripeAmount(35000, "KRW")).toBe(35000);
    expect(toStripeAmount(500, "JPY")).toBe(500);
    expect(toStripeAmount(1500, "ISK")).toBe(150000);
    expect(fromStripeAmount(150000, "isk")).toBe(1500);
    expect(fromStripeAmount(35000, "krw")).toBe(35000);
  });
});

describe("Stripe webhooks", () => {
  it("turns a paid checkout.session.completed into a paid event for the order", async () => {
    expect(await webhook("checkout.session.completed.json")).toEqual({
      eventId: "evt_1QyZa3Lk8mN4oP6qG2hJ4kL6",
      orderId: ORDER_ID,
      outcome: "paid",
      amount: 4200,
      currency: "USD",
      providerPaymentId: "cs_test_a1kQ7cR9vXbN2mZ4pL8sT3wY6uH0eJ5dF9gK2nB7qC4xV1zM8rW3tS6yP0",
    });
  });

  it("waits for the async outcome when a session completes unpaid", async () => {
    const body = stripeFixture("checkout.session.completed.json").replace('"payment_status": "paid"', '"payment_status": "unpaid"');
    expect(await provider.parseWebhook(body, signed(body))).toEqual({ ignored: expect.stringContaining("unpaid") });
  });

  it("maps a failed async payment and an expired session", async () => {
    expect(await webhook("checkout.session.async_payment_failed.json")).toMatchObject({ eventId: "evt_1QyZc9Lk8mN4oP6qX1yZ2aB3", orderId: ORDER_ID, outcome: "failed" });
    expect(await webhook("checkout.session.expired.json")).toMatchObject({ eventId: "evt_1QyZd1Lk8mN4oP6qM5nP7qR9", orderId: ORDER_ID, outcome: "canceled" });
  });

  it("finds a refunded charge's order through the Checkout Session of its payment intent", async () => {
    const sent = api.requests.length;
    expect(await webhook("charge.refunded.json")).toEqual({
      eventId: "evt_3QyZe5Lk8mN4oP6q1Fg7Hi9J",
      orderId: ORDER_ID,
      outcome: "refunded",
      amount: 4200,
      currency: "USD",
      providerPaymentId: "cs_test_a1kQ7cR9vXbN2mZ4pL8sT3wY6uH0eJ5dF9gK2nB7qC4xV1zM8rW3tS6yP0",
    });
    expect(api.requests.slice(sent).map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v1/checkout/sessions?payment_intent=pi_3QyZa2Lk8mN4oP6q1rS7tU9v&limit=1"]);
  });

  it("ignores a partial refund", async () => {
    const body = stripeFixture("charge.refunded.json").replace('"refunded": true', '"refunded": false');
    expect(await provider.parseWebhook(body, signed(body))).toEqual({ ignored: expect.stringContaining("part") });
  });

  it("reports the order's own currency and amount when Adaptive Pricing converted them", async () => {
    const event = JSON.parse(stripeFixture("checkout.session.completed.json"));
    Object.assign(event.data.object, { currency: "krw", amount_total: 57540, currency_conversion: { amount_subtotal: 4200, amount_total: 4200, fx_rate: "13.7", source_currency: "usd" } });
    const body = JSON.stringify(event, null, 2);
    expect(await provider.parseWebhook(body, signed(body))).toMatchObject({ amount: 4200, currency: "USD" });
  });

  it("ignores other event types", async () => {
    expect(await webhook("payment_intent.succeeded.json")).toEqual({ ignored: "payment_intent.succeeded" });
  });

  it("rejects a signature made with another secret", async () => {
    const body = stripeFixture("checkout.session.completed.json");
    await expectRejected(provider.parseWebhook(body, signed(body, { secret: "whsec_someone_else" })), /No signatures found matching/);
  });

  it("rejects a stale timestamp", async () => {
    const body = stripeFixture("checkout.session.completed.json");
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    await expectRejected(provider.parseWebhook(body, signed(body, { timestamp: tenMinutesAgo })), /tolerance/);
  });

  it("rejects a body altered after signing", async () => {
    const body = stripeFixture("checkout.session.completed.json");
    const headers = signed(body);
    await expectRejected(provider.parseWebhook(body.replace('"amount_total": 4200', '"amount_total": 1'), headers), /No signatures found matching/);
  });

  it("rejects a missing signature and a signed body that is not JSON", async () => {
    await expectRejected(provider.parseWebhook(stripeFixture("checkout.session.completed.json"), new Headers()), /stripe-signature/);
    await expectRejected(provider.parseWebhook("{not json", signed("{not json")), /JSON/);
  });
});

describe("Stripe refund", () => {
  const REFUND_ID = "0b7e4f1a-3c2d-4e5f-8a9b-1c2d3e4f5a6b";
  it("refunds the amount asked of the payment behind the order's Checkout Session, once per refund id", async () => {
    const sent = api.requests.length;
    await provider.refund({ orderId: ORDER_ID, refundId: REFUND_ID, providerPaymentId: PAID_SESSION, amount: 1250, paid: 4200, refundedBefore: 0, currency: "USD", reason: "Damaged in transit" });
    const [lookup, refund] = api.requests.slice(sent);
    expect([lookup!.method, lookup!.path]).toEqual(["GET", `/v1/checkout/sessions/${PAID_SESSION}`]);
    expect([refund!.method, refund!.path, refund!.headers["idempotency-key"]]).toEqual(["POST", "/v1/refunds", `refund-${REFUND_ID}`]);
    expect(Object.fromEntries(new URLSearchParams(refund!.body))).toMatchObject({ payment_intent: "pi_3QyZa2Lk8mN4oP6q1rS7tU9v", amount: "1250", reason: "requested_by_customer", "metadata[orderId]": ORDER_ID, "metadata[refundId]": REFUND_ID });
    await expect(provider.refund({ orderId: ORDER_ID, refundId: REFUND_ID, providerPaymentId: null, amount: 4200, paid: 4200, refundedBefore: 0, currency: "USD", reason: "x" })).rejects.toThrow(/no Checkout Session/);
  });
});
