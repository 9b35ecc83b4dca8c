import { createHmac } from "node:crypto";
import { Webhook } from "@portone/server-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixture, startRecordedApi } from "./fixtures/recordedApi";
import { createPortOneProvider } from "./portonePayments";
import { WebhookRejected } from "./provider";

const WEBHOOK_SECRET = `whsec_${Buffer.from("merchboard-portone-test-secret-32b").toString("base64")}`;
const API_SECRET = "portone-api-secret-local-only";
const STORE_ID = "store-4f2b9c1e-8a3d-4e5f-b6a7-1c2d3e4f5a6b";
const ORDER_ID = "5f0c3c52-7d3e-4c0b-9a0e-2b1f6f6f8a11";
const portoneFixture = (name: string) => fixture(`portone/${name}`);

let api: Awaited<ReturnType<typeof startRecordedApi>>;
let provider: ReturnType<typeof createPortOneProvider>;
/** What the local PortOne API answers for GET /payments/:id. */
let recordedPayment = "payment-paid.json";

beforeAll(async () => {
  api = await startRecordedApi((req) => {
    const paymentPath = `/payments/${ORDER_ID}`;
    if (req.method === "POST" && req.path === `${paymentPath}/pre-register`) return { body: portoneFixture("pre-register.json") };
    if (req.method === "GET" && req.path.split("?")[0] === paymentPath) return { body: portoneFixture(recordedPayment) };
    if (req.method === "POST" && req.path === `${paymentPath}/cancel`) return { body: portoneFixture("cancel.json") };
    return { status: 404, body: JSON.stringify({ type: "PAYMENT_NOT_FOUND", message: "결제 건이 존재하지 않습니다." }) };
  });
  provider = createPortOneProvider({
    apiSecret: API_SECRET,
    webhookSecret: WEBHOOK_SECRET,
    storeId: STORE_ID,
    channelKey: "channel-key-1a2b3c4d-5e6f-7a8b-9c0d-e1f2a3b4c5d6",
    appUrl: "https://shop.example.com/",
    baseUrl: api.url,
  });
});

beforeEach(() => {
  recordedPayment = "payment-paid.json";
});

afterAll(() => api.close());

/** Standard Webhooks: base64 HMAC-SHA256 of `id.timestamp.body`, keyed with the secret's bytes after `whsec_`. */
function signed(body: string, opts: { secret?: string; timestamp?: number; id?: string } = {}): Headers {
  const { secret = WEBHOOK_SECRET, timestamp = Math.floor(Date.now() / 1000), id = "msg_2rQx8Lm3Vb9Nc6Zt1Wy4Pd7Hf0J" } = opts;
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return new Headers({ "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": `v1,${signature}` });
}

async function expectRejected(parsing: Promise<unknown>, message: RegExp) {
  const error = await parsing.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookRejected);
  expect((error as Error).message).toMatch(message);
}

describe("PortOne start", () => {
  it("pre-registers the order's amount and sends the shopper to our checkout page", async () => {
    const sent = api.requests.length;
    const returnUrl = `https://shop.example.com/orders/${ORDER_ID}?token=abc`;
    const started = await provider.start({
      orderId: ORDER_ID,
      amount: 4200,
      currency: "usd",
      email: "shopper@example.com",
      description: "Merchboard order 5f0c3c52",
      returnUrl,
      cancelUrl: `https://shop.example.com/orders/${ORDER_ID}`,
      payBy: new Date(Date.now() + 30 * 60_000),
    });
    expect(started).toEqual({
      paymentUrl: `https://shop.example.com/pay/portone/${ORDER_ID}?return=${encodeURIComponent(returnUrl)}`,
      providerPaymentId: ORDER_ID,
    });
    const request = api.requests[sent]!;
    expect(request.headers.authorization).toBe(`PortOne ${API_SECRET}`);
    // Minor units as they are: 4200 cents is what PortOne calls 42.00 USD.
    expect(JSON.parse(request.body)).toEqual({ storeId: STORE_ID, totalAmount: 4200, currency: "USD" });
  });
});

describe("PortOne webhooks", () => {
  it("signs as the SDK verifies (the test's signer is the standard one)", async () => {
    const body = portoneFixture("webhook-transaction-paid.json");
    await expect(Webhook.verify(WEBHOOK_SECRET, body, Object.fromEntries(signed(body).entries()))).resolves.toMatchObject({ type: "Transaction.Paid" });
  });

  it("turns Transaction.Paid into a paid event, with the amount PortOne's API reports", async () => {
    const sent = api.requests.length;
    const body = portoneFixture("webhook-transaction-paid.json");
    expect(await provider.parseWebhook(body, signed(body))).toEqual({
      eventId: "msg_2rQx8Lm3Vb9Nc6Zt1Wy4Pd7Hf0J",
      orderId: ORDER_ID,
      outcome: "paid",
      amount: 35000,
      currency: "KRW",
      providerPaymentId: ORDER_ID,
    });
    const lookup = api.requests[sent]!;
    expect(lookup.method).toBe("GET");
    expect(lookup.path).toBe(`/payments/${ORDER_ID}?storeId=${STORE_ID}`);
    expect(lookup.headers.authorization).toBe(`PortOne ${API_SECRET}`);
  });

  it("ignores any amount the webhook itself claims", async () => {
    const claimed = JSON.parse(portoneFixture("webhook-transaction-paid.json"));
    claimed.data.amount = { total: 100 };
    claimed.data.totalAmount = 100;
    const body = JSON.stringify(claimed);
    expect(await provider.parseWebhook(body, signed(body))).toMatchObject({ outcome: "paid", amount: 35000 });
  });

  it("reports what the payment is now, whichever event announced it", async () => {
    const body = portoneFixture("webhook-transaction-paid.json");
    recordedPayment = "payment-cancelled.json";
    expect(await provider.parseWebhook(body, signed(body))).toMatchObject({ outcome: "refunded", amount: 35000 });
  });

  it("maps Transaction.Failed and Transaction.Cancelled", async () => {
    recordedPayment = "payment-failed.json";
    const failed = portoneFixture("webhook-transaction-failed.json");
    expect(await provider.parseWebhook(failed, signed(failed, { id: "msg_failed" }))).toMatchObject({ eventId: "msg_failed", orderId: ORDER_ID, outcome: "failed", currency: "KRW" });
    recordedPayment = "payment-cancelled.json";
    const cancelled = portoneFixture("webhook-transaction-cancelled.json");
    expect(await provider.parseWebhook(cancelled, signed(cancelled, { id: "msg_cancelled" }))).toMatchObject({ eventId: "msg_cancelled", outcome: "refunded" });
  });

  it("ignores other types without asking the API", async () => {
    const sent = api.requests.length;
    const body = portoneFixture("webhook-transaction-ready.json");
    expect(await provider.parseWebhook(body, signed(body))).toEqual({ ignored: "Transaction.Ready" });
    expect(api.requests.length).toBe(sent);
  });

  it("ignores another store's payment", async () => {
    const other = JSON.parse(portoneFixture("webhook-transaction-paid.json"));
    other.data.storeId = "store-00000000-0000-0000-0000-000000000000";
    const body = JSON.stringify(other);
    expect(await provider.parseWebhook(body, signed(body))).toEqual({ ignored: "Transaction.Paid for another store" });
  });

  it("rejects a signature made with another secret", async () => {
    const body = portoneFixture("webhook-transaction-paid.json");
    const forger = `whsec_${Buffer.from("someone-else-entirely-32-bytes!!").toString("base64")}`;
    await expectRejected(provider.parseWebhook(body, signed(body, { secret: forger })), /NO_MATCHING_SIGNATURE/);
  });

  it("rejects a stale timestamp", async () => {
    const body = portoneFixture("webhook-transaction-paid.json");
    await expectRejected(provider.parseWebhook(body, signed(body, { timestamp: Math.floor(Date.now() / 1000) - 600 })), /TIMESTAMP_TOO_OLD/);
  });

  it("rejects a body altered after signing", async () => {
    const body = portoneFixture("webhook-transaction-paid.json");
    const headers = signed(body);
    await expectRejected(provider.parseWebhook(body.replace(ORDER_ID, "6a1d4d63-8e4f-4d1c-8b1f-3c2a7a7a9b22"), headers), /NO_MATCHING_SIGNATURE/);
  });

  it("rejects missing headers, a signed body that is not JSON, and a paid event without a payment id", async () => {
    const body = portoneFixture("webhook-transaction-paid.json");
    await expectRejected(provider.parseWebhook(body, new Headers({ "content-type": "application/json" })), /MISSING_REQUIRED_HEADERS/);
    await expectRejected(provider.parseWebhook("{not json", signed("{not json")), /JSON/);
    const noPayment = JSON.stringify({ type: "Transaction.Paid", timestamp: "2026-01-01T00:06:41.482Z", data: { storeId: STORE_ID } });
    await expectRejected(provider.parseWebhook(noPayment, signed(noPayment)), /payment id/);
  });
});

const REFUND_ID = "0b7e4f1a-3c2d-4e5f-8a9b-1c2d3e4f5a6b";

describe("PortOne refund", () => {
  it("cancels the whole payment, named by the order id, as the shop's admin", async () => {
    const sent = api.requests.length;
    await provider.refund({ orderId: ORDER_ID, refundId: REFUND_ID, providerPaymentId: ORDER_ID, amount: 35000, paid: 35000, refundedBefore: 0, currency: "KRW", reason: "Damaged in transit" });
    const cancel = api.requests[sent]!;
    expect([cancel.method, cancel.path]).toEqual(["POST", `/payments/${ORDER_ID}/cancel`]);
    expect(JSON.parse(cancel.body)).toMatchObject({ storeId: STORE_ID, reason: "Damaged in transit", requester: "ADMIN" });
    expect(JSON.parse(cancel.body)).not.toHaveProperty("amount");
  });

  it("cancels a part only while the payment's balance is what the shop counted", async () => {
    const sent = api.requests.length;
    await provider.refund({ orderId: ORDER_ID, refundId: REFUND_ID, providerPaymentId: ORDER_ID, amount: 12000, paid: 35000, refundedBefore: 8000, currency: "KRW", reason: "One shirt returned" });
    const cancel = JSON.parse(api.requests[sent]!.body);
    expect(cancel).toMatchObject({ amount: 12000, currentCancellableAmount: 27000, reason: "One shirt returned", requester: "ADMIN" });
  });
});
