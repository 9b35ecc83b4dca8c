import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "@/domain/i18n/messages/en";
import { ko } from "@/domain/i18n/messages/ko";
import { formatPrice, localeFromAcceptLanguage, translate } from "./locales";

describe("i18n", () => {
  it("picks the best supported language from Accept-Language", () => {
    expect(localeFromAcceptLanguage("ko-KR,ko;q=0.9,en-US;q=0.8")).toBe("ko");
    expect(localeFromAcceptLanguage("fr-FR,en;q=0.5,ko;q=0.7")).toBe("ko");
    expect(localeFromAcceptLanguage("de")).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
  });

  it("has words for every reason the server refuses with, so no refusal shows as raw English", () => {
    const sources = ["server", "worker", "domain"].flatMap((dir) =>
      fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => path.join(dir, f)),
    );
    const reasons = new Set(sources.flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/(?:AppError\("[A-Z_]+",\s*|tooManyRequests\()"([a-zA-Z]+\.[a-zA-Z.]+)"/g)].map((m) => m[1]!)));
    expect(reasons.size).toBeGreaterThan(60);
    const missing = [...reasons].filter((r) => !(`errors.${r}` in en) || !(`errors.${r}` in ko));
    expect(missing).toEqual([]);
  });

  it("has every English key in Korean, with the same placeholders", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
      expect(ko[key], key).toBeTruthy();
      expect(ph(ko[key]), key).toBe(ph(en[key]));
    }
  });

  it("fills placeholders and formats prices per locale", () => {
    expect(translate("en", "dashboard.members", { count: 3 })).toBe("3 members");
    expect(translate("ko", "dashboard.members", { count: 3 })).toBe("멤버 3명");
    expect(formatPrice("en", 2500, "USD")).toBe("$25.00");
    expect(formatPrice("ko", 25000, "KRW")).toBe("₩25,000");
  });
});
