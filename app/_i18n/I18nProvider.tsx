"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { catalogNames, type CatalogNames } from "./catalogNames";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { formatDate, formatPrice, LOCALE_COOKIE, translate, type Locale } from "./locales";

type I18n = {
  locale: Locale;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  date: (d: Date | string | number, style?: "short" | "long") => string;
  price: (amountMinor: number, currency: string) => string;
  /** The catalog's goods, colours and print areas, named in this language. */
  names: CatalogNames;
  setLocale: (l: Locale) => void;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const router = useRouter();
  const setLocale = useCallback(
    (l: Locale) => {
      document.cookie = `${LOCALE_COOKIE}=${l}; Path=/; Max-Age=31536000; SameSite=Lax`;
      router.refresh();
    },
    [router],
  );
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, params) => translate(locale, key, params),
      date: (d, style) => formatDate(locale, d, style),
      price: (amount, currency) => formatPrice(locale, amount, currency),
      names: catalogNames(locale),
      setLocale,
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
