import { env, type Env } from "../../../env";
import { orderKey, shopDigest } from "../shopSecret";
import { createPortOneProvider } from "./portonePayments";
import type { PaymentProvider } from "./provider";
import { createStripeProvider } from "./stripePayments";
import { createTestProvider } from "./testProvider";

export type ProviderId = PaymentProvider["id"];

let cache: Map<ProviderId, PaymentProvider> | undefined;

/**
 * Which providers are on: the real ones whose keys are set; the built-in test provider (whose page
 * approves any test card) only when there is no real one, or when PAYMENT_PROVIDER says "test".
 */
export function enabledProviders(e: Env): ProviderId[] {
  const real: ProviderId[] = [];
  if (e.PORTONE_API_SECRET && e.PORTONE_WEBHOOK_SECRET && e.PORTONE_STORE_ID && e.PORTONE_CHANNEL_KEY) real.push("portone");
  if (e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET) real.push("stripe");
  return !real.length || e.PAYMENT_PROVIDER === "test" ? ["test", ...real] : real;
}

/** The providers this process can talk to (see enabledProviders). */
export function paymentProviders(): Map<ProviderId, PaymentProvider> {
  if (cache) return cache;
  const e = env();
  cache = new Map<ProviderId, PaymentProvider>();
  for (const id of enabledProviders(e)) {
    if (id === "test") cache.set("test", testProvider());
    if (id === "portone") cache.set("portone", createPortOneProvider({ apiSecret: e.PORTONE_API_SECRET!, webhookSecret: e.PORTONE_WEBHOOK_SECRET!, storeId: e.PORTONE_STORE_ID!, channelKey: e.PORTONE_CHANNEL_KEY!, appUrl: e.APP_URL }));
    if (id === "stripe") cache.set("stripe", createStripeProvider({ secretKey: e.STRIPE_SECRET_KEY!, webhookSecret: e.STRIPE_WEBHOOK_SECRET! }));
  }
  return cache;
}

/** The test provider of this process (its secret is derived from the shop's). */
export function testProvider() {
  return createTestProvider({ appUrl: env().APP_URL, secret: shopDigest("test-provider", "webhook"), orderKey });
}

/** Which provider new orders use: PAYMENT_PROVIDER, else PortOne, then Stripe when configured, else the test provider. */
export function checkoutProvider(): PaymentProvider {
  const providers = paymentProviders();
  const chosen = env().PAYMENT_PROVIDER;
  if (chosen) {
    const p = providers.get(chosen);
    if (!p) throw new Error(`PAYMENT_PROVIDER is ${chosen}, but its keys are not set.`);
    return p;
  }
  return (providers.get("portone") ?? providers.get("stripe") ?? providers.get("test"))!;
}
