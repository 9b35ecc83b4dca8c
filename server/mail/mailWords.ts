import { createFormatter, createTranslator } from "next-intl";
import { catalog } from "@/domain/i18n/catalog";
import { isLocale, type Locale } from "@/domain/i18n/locales";
import { formatPriceWith } from "@/domain/shop/money";

/**
 * A mail's words and formats in the reader's language, from the catalog the pages read (its `mail`
 * namespace), through next-intl as the pages are. A mail has no reader's time zone: its dates
 * are UTC days, as they were written before. An unknown language reads as English.
 */
export function mailWords(locale: string | undefined) {
  const lang: Locale = isLocale(locale) ? locale : "en";
  return (made[lang] ??= make(lang));
}

function make(locale: Locale) {
  const timeZone = "UTC";
  const format = createFormatter({ locale, timeZone });
  return {
    t: createTranslator({ locale, messages: catalog[locale], namespace: "mail", timeZone }),
    price: (amountMinor: number, currency: string) => formatPriceWith(format, amountMinor, currency),
  };
}

/** One translator per language, made on first use: it keeps the messages it has parsed. */
const made: Partial<Record<Locale, ReturnType<typeof make>>> = {};
