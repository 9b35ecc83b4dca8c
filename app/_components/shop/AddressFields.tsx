"use client";

import { Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useRef, type ReactNode } from "react";
import type { ShippingAddress } from "@/domain/shop/address";
import { needsPhone, regionsOf, US_STATES } from "@/domain/shop/addressRules";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { useI18n } from "../../_i18n/I18nProvider";
import type { CheckoutField } from "./checkoutErrors";
import { CountrySelect } from "./CountrySelect";

/** The form holds every field as text, the optional ones too. */
export type Address = Required<ShippingAddress>;

type Props = { value: Address; onChange: (next: Address) => void; errors: Partial<Record<CheckoutField, MessageKey>>; disabled: boolean };
type TextField = Exclude<keyof Address, "country">;

/**
 * The address as the destination writes it, with the browser's autofill names: Korea from the
 * postal code and 시/도 down to the unit; the US with a state and ZIP; elsewhere the generic form.
 * A phone number for the courier where couriers need one.
 */
export function AddressFields({ value, onChange, errors, disabled }: Props) {
  const { t } = useI18n();
  // Every label and problem takes the destination: the catalog says it in that country's own words (an ICU select).
  const country = value.country;
  const set = (patch: Partial<Address>) => onChange({ ...value, ...patch });
  const field = (key: TextField, autoComplete: string, label: MessageKey, opts: { required?: boolean; placeholder?: string; type?: string; description?: string } = {}) => (
    <TextInput
      label={t(label, { country })}
      withAsterisk={opts.required ?? true}
      placeholder={opts.placeholder}
      description={opts.description}
      type={opts.type}
      autoComplete={autoComplete}
      value={value[key]}
      onChange={(e) => set({ [key]: e.currentTarget.value })}
      error={errors[key] ? t(errors[key]!, { country }) : undefined}
      disabled={disabled}
      size="md"
    />
  );
  const regions = regionsOf(country);
  const region: ReactNode = regions ? (
    <Select
      label={t("shop.checkout.region", { country })}
      withAsterisk
      searchable
      data={regions.map((r) => ({ value: r, label: country === "US" ? `${US_STATES[r]} (${r})` : r }))}
      value={value.region || null}
      onChange={(v) => set({ region: v ?? "" })}
      autoComplete="shipping address-level1"
      error={errors.region ? t(errors.region, { country }) : undefined}
      disabled={disabled}
      size="md"
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
    />
  ) : (
    field("region", "shipping address-level1", "shop.checkout.region", { required: false })
  );
  const phone = field("phone", "shipping tel", needsPhone(country) ? "shop.checkout.phone" : "shop.checkout.phoneOptional", {
    required: needsPhone(country),
    type: "tel",
    description: t("shop.checkout.phoneHint"),
  });
  // Each country's regions are another list: a region chosen for one comes back with it.
  const regionBy = useRef<Record<string, string>>({});
  const changeCountry = (c: string) => {
    regionBy.current[country] = value.region;
    set({ country: c, region: regionBy.current[c] ?? "" });
  };
  const countrySelect = <CountrySelect value={country} onChange={changeCountry} error={errors.country ? t(errors.country, { country }) : undefined} disabled={disabled} />;

  if (country === "KR")
    return (
      <Stack gap="md">
        {countrySelect}
        {field("name", "shipping name", "shop.checkout.name")}
        {phone}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          {field("postalCode", "shipping postal-code", "shop.checkout.postalCode")}
          {region}
        </SimpleGrid>
        {field("city", "shipping address-level2", "shop.checkout.city")}
        {field("line1", "shipping address-line1", "shop.checkout.line1", { placeholder: t("shop.checkout.line1Placeholder", { country }) })}
        {field("line2", "shipping address-line2", "shop.checkout.line2", { required: false })}
      </Stack>
    );
  return (
    <Stack gap="md">
      {field("name", "shipping name", "shop.checkout.name")}
      {field("line1", "shipping address-line1", "shop.checkout.line1", { placeholder: t("shop.checkout.line1Placeholder", { country }) })}
      {field("line2", "shipping address-line2", "shop.checkout.line2", { required: false })}
      <SimpleGrid cols={{ base: 1, xs: country === "US" ? 3 : 2 }} spacing="md">
        {field("city", "shipping address-level2", "shop.checkout.city")}
        {country === "US" && region}
        {field("postalCode", "shipping postal-code", "shop.checkout.postalCode")}
      </SimpleGrid>
      {country !== "US" && region}
      {countrySelect}
      {phone}
    </Stack>
  );
}

