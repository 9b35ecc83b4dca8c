import { z } from "zod";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** An ISO 3166 alpha-2 country the platform knows ("US", "KR"); unknown codes read back as themselves. */
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "must be a two-letter country code")
  .refine((c) => regionNames.of(c) !== c, "must be a country");

const line = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** Where an order is shipped: what checkout takes, what the order stores and what it shows. */
export const shippingAddress = z.object({
  name: line(100),
  line1: line(200),
  line2: z.string().trim().max(200, "must be at most 200 characters").optional(),
  city: line(100),
  postalCode: z.string().trim().min(2, "must be a postal code").max(12, "must be at most 12 characters").regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "must be a postal code"),
  country: countryCode,
});

export type ShippingAddress = z.output<typeof shippingAddress>;

/**
 * An address as an order stored it, read back: the same fields without checkout's rules, so that
 * an order placed under older rules (or another ICU's country list) still reads.
 */
export const storedShippingAddress = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  postalCode: z.string(),
  country: z.string(),
}) satisfies z.ZodType<ShippingAddress>;

/** Countries that write the postal code after the city ("Springfield 62701", "Toronto ON M5V"). */
const CODE_AFTER_CITY = new Set(["US", "CA", "AU", "NZ", "GB", "IE", "IN", "SG", "HK", "PH", "BR"]);

/** The address as a label is written in its country, without the country line. */
export function addressLines(a: ShippingAddress): string[] {
  const place = CODE_AFTER_CITY.has(a.country) ? `${a.city} ${a.postalCode}` : `${a.postalCode} ${a.city}`;
  return [a.name, a.line1, a.line2 ?? "", place].filter((l) => l.trim() !== "");
}
