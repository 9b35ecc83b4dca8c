"use client";

import { useMemo } from "react";
import { useI18n } from "../../_i18n/I18nProvider";

/** A country's name from its ISO code, in the shopper's language. */
export function useCountryName() {
  const { locale } = useI18n();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    return (code: string) => names.of(code) ?? code;
  }, [locale]);
}
