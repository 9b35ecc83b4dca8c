import type { Locale } from "@/domain/i18n/locales";
import { formatMoney } from "@/domain/shop/money";
import { en, type MessageKey } from "@/domain/i18n/messages/en";
import { ko } from "@/domain/i18n/messages/ko";

export { isLocale, LOCALE_COOKIE, LOCALES, localeFromAcceptLanguage, type Locale } from "@/domain/i18n/locales";

export const messages: Record<Locale, Record<MessageKey, string>> = { en, ko };

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
