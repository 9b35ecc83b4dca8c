"use client";

import { Select } from "@mantine/core";
import { useMemo } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { countryCodes } from "./countryCodes";
import { useCountryName } from "./useCountryName";

type Props = { value: string; onChange: (code: string) => void; error?: string; disabled?: boolean };

/** Every country by its name in the shopper's language, searchable by name or code. */
export function CountrySelect({ value, onChange, error, disabled }: Props) {
  const { t, locale } = useI18n();
  const name = useCountryName();
  const data = useMemo(
    () => countryCodes().map((code) => ({ value: code, label: name(code) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
    [name, locale],
  );
  return (
    <Select
      label={t("shop.checkout.country")}
      withAsterisk
      searchable
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      nothingFoundMessage={t("shop.checkout.noCountry")}
      filter={({ options, search }) => {
        const q = search.trim().toLowerCase();
        return (options as { value: string; label: string }[]).filter((o) => o.label.toLowerCase().includes(q) || o.value.toLowerCase() === q);
      }}
      comboboxProps={{ withinPortal: true }}
      autoComplete="country"
      error={error}
      disabled={disabled}
      maxDropdownHeight={280}
      size="md"
    />
  );
}
