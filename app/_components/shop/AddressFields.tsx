"use client";

import { SimpleGrid, Stack, TextInput } from "@mantine/core";
import type { ShippingAddress } from "@/domain/shop/address";
import type { MessageKey } from "../../_i18n/en";
import { useI18n } from "../../_i18n/I18nProvider";
import type { CheckoutField } from "./checkoutErrors";
import { CountrySelect } from "./CountrySelect";

/** The form holds every field as text, the optional second line too. */
export type Address = Required<ShippingAddress>;

type Props = { value: Address; onChange: (next: Address) => void; errors: Partial<Record<CheckoutField, MessageKey>>; disabled: boolean };

/** Name, street, city, postal code and country, with the browser's address autofill names. */
export function AddressFields({ value, onChange, errors, disabled }: Props) {
  const { t } = useI18n();
  const field = (key: Exclude<keyof Address, "country">, autoComplete: string, label: MessageKey, required = true, placeholder?: string) => (
    <TextInput
      label={t(label)}
      withAsterisk={required}
      placeholder={placeholder}
      autoComplete={autoComplete}
      value={value[key]}
      onChange={(e) => onChange({ ...value, [key]: e.currentTarget.value })}
      error={errors[key] ? t(errors[key]!) : undefined}
      disabled={disabled}
      size="md"
    />
  );
  return (
    <Stack gap="md">
      {field("name", "shipping name", "shop.checkout.name")}
      {field("line1", "shipping address-line1", "shop.checkout.line1", true, t("shop.checkout.line1Placeholder"))}
      {field("line2", "shipping address-line2", "shop.checkout.line2", false)}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        {field("city", "shipping address-level2", "shop.checkout.city")}
        {field("postalCode", "shipping postal-code", "shop.checkout.postalCode")}
      </SimpleGrid>
      <CountrySelect value={value.country} onChange={(country) => onChange({ ...value, country })} error={errors.country ? t(errors.country) : undefined} disabled={disabled} />
    </Stack>
  );
}
