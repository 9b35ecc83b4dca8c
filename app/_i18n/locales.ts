import { formatMoney } from "@/domain/shop/money";
import { en, type MessageKey } from "./en";
import { ko } from "./ko";

export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "mb_locale";

export const messages: Record<Locale, Record<MessageKey, string>> = { en, ko };

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** The first supported language in an Accept-Language header, by its q-weights. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { lang: (tag ?? "").toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return (ranked.find((x) => isLocale(x.lang))?.lang as Locale | undefined) ?? "en";
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = messages[locale][key] ?? en[key] ?? key;
  return params ? template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`)) : template;
}

export function formatDate(locale: Locale, date: Date | string | number, style: "short" | "long" = "short"): string {
  return new Intl.DateTimeFormat(locale === "ko" ? "ko-KR" : "en-US", {
    dateStyle: style === "long" ? "long" : "medium",
    timeStyle: style === "long" ? "short" : undefined,
  }).format(new Date(date));
}

export function formatPrice(locale: Locale, amountMinor: number, currency: string): string {
  return formatMoney(amountMinor, currency, locale === "ko" ? "ko-KR" : "en-US");
}
