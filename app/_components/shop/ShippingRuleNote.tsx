"use client";

import { Group, Stack, Text, type TextProps } from "@mantine/core";
import { IconTruckDelivery } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { isShopCurrency, SHIPPING_ZONES, type ShippingRate } from "@/domain/shop/shipping";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";
import { useCountryName } from "./useCountryName";

/** The shop's shipping table in words, zone by zone: the same numbers checkout charges by. */
export function ShippingRuleNote({ currency, ...props }: { currency: string } & TextProps) {
  const { t, price } = useI18n();
  const trpc = useTRPC();
  const countryName = useCountryName();
  const table = useQuery({ ...trpc.shipping.table.queryOptions(), staleTime: 5 * 60_000 });
  if (!table.data) return null;
  const { originCountry, zoneCountries, rates } = table.data;
  const zones = rates[isShopCurrency(currency) ? currency : "USD"];
  const where = {
    domestic: countryName(originCountry),
    zone: zoneCountries.map(countryName).join(", "),
    world: t("shop.shipping.elsewhere"),
  };
  const rate = (r: ShippingRate) =>
    [t("shop.shipping.rate", { first: price(r.first, currency), each: price(r.each, currency) }), r.freeFrom !== null ? t("shop.shipping.freeFrom", { free: price(r.freeFrom, currency) }) : null].filter(Boolean).join(" · ");
  return (
    <Group gap={8} wrap="nowrap" align="flex-start" data-testid="shipping-rates">
      <IconTruckDelivery size={18} stroke={1.6} color="var(--mantine-color-dimmed)" style={{ flex: "none", marginTop: 1 }} aria-hidden />
      <Stack gap={2}>
        {SHIPPING_ZONES.filter((z) => z !== "zone" || zoneCountries.length > 0).map((zone) => (
          <Text key={zone} size="sm" c="dimmed" {...props}>
            <Text span inherit fw={600}>
              {where[zone]}
            </Text>
            {": "}
            {rate(zones[zone])}
          </Text>
        ))}
      </Stack>
    </Group>
  );
}
