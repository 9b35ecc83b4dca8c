import { z } from "zod";
import { countryProblems, writtenByCountry } from "./addressRules";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
/** Codes Intl names as regions but that are no country to ship to (EU, UN, pseudo-locales, "unknown"). */
export const NOT_COUNTRIES: ReadonlySet<string> = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);

/** An ISO 3166 alpha-2 country the platform knows ("US", "KR"); unknown codes read back as themselves. */
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "must be a two-letter country code")
  .refine((c) => !NOT_COUNTRIES.has(c) && regionNames.of(c) !== c, "must be a country");

const line = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

const optionalLine = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).optional();

/**
 * Where an order is shipped: what checkout takes, what the order stores and what it shows. Each
 * country's own rules (addressRules.ts) then check the postal code, the region (a US state, a
 * Korean 시/도) and the phone number couriers call, and write them its way.
 */
export const shippingAddress = z
  .object({
    name: line(100),
    line1: line(200),
    line2: optionalLine(200),
    city: line(100),
    /** A state, province or 시/도: required where the country's addresses need one. */
    region: optionalLine(100),
    postalCode: z.string().trim().min(2, "must be a postal code").max(12, "must be at most 12 characters").regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "must be a postal code"),
    country: countryCode,
    /** For the courier: required where the country's couriers need one. */
    phone: optionalLine(32),
  })
  .superRefine(
    (a, ctx) => {
      for (const p of countryProblems(a)) ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
    },
    // Also when other fields failed: the shopper sees every problem at once.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  )
  .transform(writtenByCountry);

export type ShippingAddress = { name: string; line1: string; line2?: string; city: string; region?: string; postalCode: string; country: string; phone?: string };

/**
 * An address as an order stored it, read back: the same fields without checkout's rules, so that
 * an order placed under older rules (or another ICU's country list) still reads.
 */
export const storedShippingAddress = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  region: z.string().optional(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().optional(),
}) satisfies z.ZodType<ShippingAddress>;

/** Countries that write the postal code after the city ("Springfield 62701", "Toronto ON M5V"). */
const CODE_AFTER_CITY = new Set(["US", "CA", "AU", "NZ", "GB", "IE", "IN", "SG", "HK", "PH", "BR"]);

/**
 * The address as a label is written in its country, without the country line or the phone:
 * Korea from the province down ("서울특별시 강남구 테헤란로 152", then the unit and the postal
 * code), the US with "City, ST 94103", others with the postal code before or after the city.
 */
export function addressLines(a: ShippingAddress): string[] {
  const region = a.region?.trim() ?? "";
  let lines: string[];
  if (a.country === "KR") lines = [a.name, [region, a.city, a.line1].filter(Boolean).join(" "), a.line2 ?? "", `(${a.postalCode})`];
  else if (a.country === "US") lines = [a.name, a.line1, a.line2 ?? "", region ? `${a.city}, ${region} ${a.postalCode}` : `${a.city} ${a.postalCode}`];
  else {
    const place = CODE_AFTER_CITY.has(a.country) ? `${a.city}${region ? ` ${region}` : ""} ${a.postalCode}` : `${a.postalCode} ${a.city}${region ? `, ${region}` : ""}`;
    lines = [a.name, a.line1, a.line2 ?? "", place];
  }
  return lines.filter((l) => l.trim() !== "");
}
