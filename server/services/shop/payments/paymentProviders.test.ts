import { describe, expect, it } from "vitest";
import type { Env } from "../../../env";
import { enabledProviders } from "./paymentProviders";

const base = { APP_URL: "https://shop.example.com" } as Env;
const stripe = { STRIPE_SECRET_KEY: "sk_live_x", STRIPE_WEBHOOK_SECRET: "whsec_x" };
const portone = { PORTONE_API_SECRET: "a", PORTONE_WEBHOOK_SECRET: "b", PORTONE_STORE_ID: "c", PORTONE_CHANNEL_KEY: "d" };

describe("enabledProviders", () => {
  it("turns the test provider off once a real provider takes payments", () => {
    expect(enabledProviders(base)).toEqual(["test"]);
    expect(enabledProviders({ ...base, ...stripe })).toEqual(["stripe"]);
    expect(enabledProviders({ ...base, ...portone, ...stripe })).toEqual(["portone", "stripe"]);
  });

  it("keeps it on beside a real one only when the shop says so", () => {
    expect(enabledProviders({ ...base, ...stripe, PAYMENT_PROVIDER: "test" })).toEqual(["test", "stripe"]);
    expect(enabledProviders({ ...base, ...stripe, PAYMENT_PROVIDER: "stripe" })).toEqual(["stripe"]);
  });

  it("needs every key of a real provider", () => {
    expect(enabledProviders({ ...base, STRIPE_SECRET_KEY: "sk_live_x" })).toEqual(["test"]);
    expect(enabledProviders({ ...base, ...portone, PORTONE_CHANNEL_KEY: undefined })).toEqual(["test"]);
  });
});
