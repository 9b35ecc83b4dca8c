"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import type { MessageKey } from "@/domain/i18n/catalog";
import { LOCALE_COOKIE, type Locale } from "@/domain/i18n/locales";
import { formatPriceWith } from "@/domain/shop/money";
import { catalogNames, type CatalogNames } from "./catalogNames";

/** Values for a message's ICU arguments: text, counts for plurals, dates. */
export type MessageValues = Record<string, string | number | Date>;

/** A message in the page's language; `has` says whether the catalog has a key built at run time ("errors.<reason>"). */
export type Translate = ((key: MessageKey, values?: MessageValues) => string) & { has: (key: string) => boolean };

type I18n = {
  locale: Locale;
  t: Translate;
  /** A day ("short", the default), a day and time ("long"), or only the time of day ("time"). */
  date: (d: Date | string | number, style?: "short" | "long" | "time") => string;
  price: (amountMinor: number, currency: string) => string;
  /** The catalog's goods, colours and print areas, named in this language. */
  names: CatalogNames;
  setLocale: (l: Locale) => void;
};

const I18nContext = createContext<I18n | null>(null);

/**
 * The app's words and formats, from next-intl (the NextIntlClientProvider the root layout renders):
 * one object for the call sites that were written against the hand-written layer before it.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const translate = useTranslations();
  const format = useFormatter();
  const timeZone = useViewerTimeZone();
  const router = useRouter();
  const setLocale = useCallback(
    (l: Locale) => {
      document.cookie = `${LOCALE_COOKIE}=${l}; Path=/; Max-Age=31536000; SameSite=Lax`;
      router.refresh();
    },
    [router],
  );
  const value = useMemo<I18n>(() => {
    // The keys are checked where they are written (MessageKey); the arguments by the catalog's test.
    const byKey = translate as unknown as (key: string, values?: MessageValues) => string;
    const t = Object.assign((key: MessageKey, values?: MessageValues) => byKey(key, values), { has: (key: string) => translate.has(key as MessageKey) });
    return {
      locale,
      t,
      date: (d, style = "short") => format.dateTime(new Date(d), { ...DATE_STYLES[style], timeZone }),
      price: (amount, currency) => formatPriceWith(format, amount, currency),
      names: catalogNames(locale),
      setLocale,
    };
  }, [locale, translate, format, timeZone, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}

const DATE_STYLES = {
  short: { dateStyle: "medium" },
  long: { dateStyle: "long", timeStyle: "short" },
  time: { timeStyle: "short" },
} as const;

const noSubscription = () => () => {};

/**
 * The viewer's own time zone once the page runs in their browser. The server renders, and the
 * browser hydrates, in the request's time zone (next-intl's), so the two agree; dates then show
 * in the viewer's, as they did before.
 */
function useViewerTimeZone(): string | undefined {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => undefined,
  );
}
