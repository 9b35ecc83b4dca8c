"use client";

import { Group, Text, type TextProps } from "@mantine/core";
import { IconTruckDelivery } from "@tabler/icons-react";
import { shippingRuleOf } from "@/domain/shop/shipping";
import { useI18n } from "../../_i18n/I18nProvider";
import { useCountryName } from "./useCountryName";

/** The shop's shipping rule in words: the same numbers the server charges by. */
export function ShippingRuleNote({ shopCountry, currency, ...props }: { shopCountry: string; currency: string } & TextProps) {
  const { t, price } = useI18n();
  const countryName = useCountryName();
  const { domestic, international } = shippingRuleOf(currency);
  return (
    <Group gap={8} wrap="nowrap" align="flex-start">
      <IconTruckDelivery size={18} stroke={1.6} color="var(--mantine-color-dimmed)" style={{ flex: "none", marginTop: 1 }} aria-hidden />
      <Text size="sm" c="dimmed" {...props}>
      {t("shop.shipping.rule", {
        country: countryName(shopCountry),
        first: price(domestic.first, currency),
        each: price(domestic.each, currency),
        free: price(domestic.freeFrom ?? 0, currency),
        abroadFirst: price(international.first, currency),
        abroadEach: price(international.each, currency),
      })}
      </Text>
    </Group>
  );
}
