import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(".data"),
  DATABASE_URL: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_PUBLIC_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).default("merchboard"),
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().default("S3RVER"),
  S3_SECRET_ACCESS_KEY: z.string().default("S3RVER"),
  MODEL_DIR: z.string().optional(),
  INFERENCE_DEVICE: z.enum(["auto", "cuda", "webgpu", "cpu"]).default("auto"),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  KAKAO_CLIENT_ID: z.string().optional(),
  KAKAO_CLIENT_SECRET: z.string().optional(),
  NAVER_CLIENT_ID: z.string().optional(),
  NAVER_CLIENT_SECRET: z.string().optional(),
  /** How many reverse proxies in front of us append to X-Forwarded-For (0: use the socket's address). */
  TRUST_PROXY: z.preprocess(
    (v) => (v === "true" ? 1 : v === "false" || v === "" ? 0 : v),
    z.coerce.number().int().min(0).max(10).default(0),
  ),
  /** smtp(s)://user:pass@host:port; unset writes mail to the outbox under DATA_DIR. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Merchboard <no-reply@localhost>"),
  /** Payments: the built-in test provider unless one of these pairs is set (PortOne wins over Stripe). */
  PAYMENT_PROVIDER: z.enum(["test", "portone", "stripe"]).optional(),
  PORTONE_API_SECRET: z.string().min(1).optional(),
  PORTONE_WEBHOOK_SECRET: z.string().min(1).optional(),
  PORTONE_STORE_ID: z.string().min(1).optional(),
  PORTONE_CHANNEL_KEY: z.string().min(1).optional(),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Signs order links and test-provider webhooks; one per data folder when unset. */
  SHOP_SECRET: z.string().min(32).optional(),
  /** Where the shop ships from (ISO 3166 code): shipping within it is domestic. */
  SHOP_COUNTRY: z.string().regex(/^[A-Z]{2}$/).default("US"),
  /** When set, /metrics answers only `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
});

export type Env = z.infer<typeof schema> & { APP_URL: string };

let cached: Env | undefined;

/** All configuration, validated once. Unset services fall back to the embedded defaults. */
export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid configuration: ${fields}`);
    }
    cached = { ...parsed.data, APP_URL: (parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/$/, "") };
  }
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
