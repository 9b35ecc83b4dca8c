import fs from "node:fs";
import path from "node:path";
import { createFormatter, createTranslator, type IntlError } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalog } from "@/domain/i18n/catalog";
import { localeFromAcceptLanguage, type Locale } from "@/domain/i18n/locales";
import { en } from "@/domain/i18n/messages/en";
import { ko } from "@/domain/i18n/messages/ko";
import { formatPriceWith } from "@/domain/shop/money";

/** The arguments an ICU message takes, by name and kind ("count" → "plural"); option bodies are read too. */
function icuArguments(message: string): Map<string, string> {
  const args = new Map<string, string>();
  let i = 0;
  const text = () => {
    while (i < message.length && message[i] !== "}") {
      if (message[i++] === "{") argument();
    }
  };
  const argument = () => {
    const head = /^\s*(\w+)\s*(?:,\s*(\w+)\s*,?)?/.exec(message.slice(i))!;
    i += head[0].length;
    const [, name, kind = "simple"] = head;
    args.set(name!, kind);
    if (kind === "plural" || kind === "select" || kind === "selectordinal") {
      for (let option; (option = /^\s*(=?[\w-]+)\s*\{/.exec(message.slice(i))); ) {
        i += option[0].length;
        text();
        i++;
      }
      while (message[i] !== "}") i++;
    } else {
      while (message[i] !== "}") i++;
    }
    i++;
  };
  text();
  return args;
}

/** A value of the kind an argument takes. */
const sample = (kind: string) => (kind === "plural" || kind === "selectordinal" || kind === "number" ? 3 : kind === "date" || kind === "time" ? new Date(0) : "x");

const translator = (locale: Locale, onError: (e: IntlError) => void = (e) => { throw e; }) =>
  createTranslator({ locale, messages: catalog[locale], timeZone: "UTC", onError }) as unknown as (key: string, values?: Record<string, unknown>) => string;

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

  it("has every English key in Korean, taking the same ICU arguments", () => {
    const names = (m: string) => [...icuArguments(m).keys()].sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ko[key], key).toBeTruthy();
      expect(names(ko[key]), key).toEqual(names(en[key]));
    }
    expect(Object.keys(ko).filter((k) => !(k in en))).toEqual([]);
  });

  it("formats every message in both languages without an error from next-intl", () => {
    const errors: string[] = [];
    for (const locale of ["en", "ko"] as const) {
      const t = translator(locale, (e) => errors.push(`${locale}: ${e.message}`));
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        const values = Object.fromEntries([...icuArguments(en[key])].map(([name, kind]) => [name, sample(kind)]));
        expect(t(key, values), `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
    expect(errors).toEqual([]);
  });

  it("counts with ICU plurals: one and other in English, one form in Korean", () => {
    const [tEn, tKo] = [translator("en"), translator("ko")];
    expect(tEn("dashboard.members", { count: 1 })).toBe("1 member");
    expect(tEn("dashboard.members", { count: 3 })).toBe("3 members");
    expect(tEn("shop.cart.count", { count: 1 })).toBe("1 item");
    expect(tEn("shop.cart.count", { count: 1200 })).toBe("1,200 items");
    expect(tEn("goods.inks.count", { count: 1 })).toBe("1 ink — screen-print ready");
    expect(tKo("dashboard.members", { count: 1 })).toBe("멤버 1명");
    expect(tKo("dashboard.members", { count: 3 })).toBe("멤버 3명");
    expect(tKo("shopAdmin.orders.items", { count: 3 })).toBe("3개");
  });

  it("says things the destination's way with ICU select, and writes a plain argument's number as it is", () => {
    const [tEn, tKo] = [translator("en"), translator("ko")];
    expect(["KR", "US", "DE"].map((country) => tEn("shop.checkout.region", { country }))).toEqual(["Province or metropolitan city (시/도)", "State", "State, province or region (optional)"]);
    expect(tKo("shop.field.postalCode", { country: "KR" })).toBe("5자리 우편번호를 입력해 주세요");
    expect(tEn("goods.print.size", { width: 1800, height: 2400, dpi: 150 })).toBe("1800 × 2400 px · 150 DPI");
  });

  it("fills placeholders and formats prices and dates per locale", () => {
    expect(translator("ko")("shop.order.title", { number: "0A1B2C3D" })).toBe("주문 #0A1B2C3D");
    const [fEn, fKo] = (["en", "ko"] as const).map((locale) => createFormatter({ locale, timeZone: "UTC" }));
    expect(formatPriceWith(fEn!, 2500, "USD")).toBe("$25.00");
    expect(formatPriceWith(fKo!, 25000, "KRW")).toBe("₩25,000");
    expect(formatPriceWith(fKo!, 2500, "USD")).toBe("US$25.00");
    const day = new Date("2026-03-05T12:00:00Z");
    expect(fEn!.dateTime(day, { dateStyle: "medium" })).toBe("Mar 5, 2026");
    expect(fKo!.dateTime(day, { dateStyle: "medium" })).toBe("2026. 3. 5.");
  });
});
