"use client";

import { useI18n } from "../../_i18n/I18nProvider";

/** A print area's name in the shopper's language where we know it (Front, Back), else the catalog's. */
export function useAreaName() {
  const { t } = useI18n();
  return (name: string) => {
    const known = { front: t("shop.area.front"), back: t("shop.area.back") } as Record<string, string>;
    return known[name.toLowerCase()] ?? name;
  };
}
