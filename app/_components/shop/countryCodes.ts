import { NOT_COUNTRIES } from "@/domain/shop/address";

let cached: string[] | undefined;

/** Every ISO 3166 alpha-2 code the platform can name: the same test the server's address schema applies. */
export function countryCodes(): string[] {
  if (cached) return cached;
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  cached = [];
  for (const a of letters)
    for (const b of letters) {
      const code = a + b;
      if (!NOT_COUNTRIES.has(code) && names.of(code) !== code) cached.push(code);
    }
  return cached;
}
