"use client";

import { SegmentedControl } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import type { Locale } from "@/domain/i18n/locales";

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("lang.label")}
      value={locale}
      onChange={(v) => setLocale(v as Locale)}
      data={[
        { value: "en", label: "EN" },
        { value: "ko", label: "한국어" },
      ]}
    />
  );
}
