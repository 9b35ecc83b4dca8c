export type PostalAddress = { name: string; line1: string; line2?: string; city: string; postalCode: string; country: string };

/** Countries that write the postal code after the city ("Springfield 62701", "Toronto ON M5V"). */
const CODE_AFTER_CITY = new Set(["US", "CA", "AU", "NZ", "GB", "IE", "IN", "SG", "HK", "PH", "BR"]);

/** The address as a label is written in its country, without the country line. */
export function addressLines(a: PostalAddress): string[] {
  const place = CODE_AFTER_CITY.has(a.country) ? `${a.city} ${a.postalCode}` : `${a.postalCode} ${a.city}`;
  return [a.name, a.line1, a.line2 ?? "", place].filter((l) => l.trim() !== "");
}
