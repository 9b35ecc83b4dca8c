import { createTranslator } from "next-intl";
import { catalog, type MessageKey } from "../domain/i18n/catalog";
import type { Locale } from "../domain/i18n/locales";

export type Values = Record<string, string | number>;

/** The app's words as its pages show them: the same catalog, through next-intl. */
export function wordsIn(locale: Locale): (key: MessageKey, values?: Values) => string {
  const t = createTranslator({ locale, messages: catalog[locale], timeZone: "UTC" }) as unknown as (key: string, values?: Values) => string;
  return (key, values = {}) => t(key, values);
}
