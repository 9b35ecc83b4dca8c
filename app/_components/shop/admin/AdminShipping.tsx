"use client";

import { Alert, Button, Card, Group, MultiSelect, NumberInput, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle, IconDeviceFloppy } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { minorDigits } from "@/domain/shop/money";
import { SHIPPING_ZONES, SHOP_CURRENCIES, type ShippingRate, type ShippingTable, type ShippingZone, type ShopCurrency } from "@/domain/shop/shipping";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage, fieldErrors } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { countryCodes } from "../countryCodes";
import { StripeTaxSetting } from "./StripeTaxSetting";
import { useCountryName } from "../useCountryName";

const FIELDS = ["first", "each", "freeFrom"] as const;
const toMajor = (minor: number | null, currency: string) => (minor === null ? "" : minor / 10 ** minorDigits(currency));
const toMinor = (major: number | string, currency: string) => (major === "" ? null : Math.round(Number(major) * 10 ** minorDigits(currency)));

/**
 * The shipping table the shop charges by, per currency: domestic, the zone of nearby countries,
 * and the rest of the world; each a first item, each further one, and free from a subtotal.
 * Saved whole; the shopper sees it on product, cart and checkout pages.
 */
export function AdminShipping() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const countryName = useCountryName();
  const table = useQuery(trpc.shipping.table.queryOptions());
  const [draft, setDraft] = useState<ShippingTable | null>(null);
  useEffect(() => {
    if (table.data && !draft) setDraft({ zoneCountries: table.data.zoneCountries, rates: table.data.rates });
  }, [table.data, draft]);
  const save = useMutation(
    trpc.shipping.save.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("shopAdmin.shipping.saved") });
        void queryClient.invalidateQueries({ queryKey: trpc.shipping.table.queryKey() });
      },
    }),
  );
  const countries = useMemo(
    () =>
      countryCodes()
        .filter((c) => c !== table.data?.originCountry)
        .map((c) => ({ value: c, label: countryName(c) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [countryName, locale, table.data?.originCountry],
  );

  if (table.isError)
    return (
      <Alert color="red" icon={<IconAlertCircle size={18} />}>
        {errorMessage(table.error, t)}
      </Alert>
    );
  if (!table.data || !draft) return <Skeleton h={420} radius="lg" />;
  const problems = fieldErrors(save.error);
  const setRate = (currency: ShopCurrency, zone: ShippingZone, field: keyof ShippingRate, value: number | null) =>
    setDraft((d) => d && { ...d, rates: { ...d.rates, [currency]: { ...d.rates[currency], [zone]: { ...d.rates[currency][zone], [field]: value } } } });
  const zoneName = (zone: ShippingZone) => (zone === "domestic" ? countryName(table.data.originCountry) : t(`shopAdmin.shipping.zone.${zone}` as MessageKey));

  return (
    <Stack gap="lg">
      <Text c="dimmed" size="sm" maw={720}>
        {t("shopAdmin.shipping.intro")}
      </Text>
      <Card withBorder radius="lg" p="lg">
        <MultiSelect
          label={t("shopAdmin.shipping.zoneCountries")}
          description={t("shopAdmin.shipping.zoneCountriesHint")}
          data={countries}
          value={draft.zoneCountries}
          onChange={(zoneCountries) => setDraft({ ...draft, zoneCountries })}
          searchable
          clearable
          maxValues={100}
          error={problems.zoneCountries}
          nothingFoundMessage={t("shopAdmin.shipping.noCountry")}
        />
      </Card>
      {SHOP_CURRENCIES.map((currency) => (
        <Card key={currency} withBorder radius="lg" p="lg" data-testid={`rates-${currency}`}>
          <Title order={2} size="h4" mb="sm">
            {t(`shopAdmin.shipping.in${currency}` as MessageKey)}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("shopAdmin.shipping.destination")}</Table.Th>
                  {FIELDS.map((f) => (
                    <Table.Th key={f}>{t(`shopAdmin.shipping.${f}` as MessageKey)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {SHIPPING_ZONES.map((zone) => (
                  <Table.Tr key={zone}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {zoneName(zone)}
                      </Text>
                    </Table.Td>
                    {FIELDS.map((field) => (
                      <Table.Td key={field}>
                        <NumberInput
                          aria-label={`${zoneName(zone)} · ${t(`shopAdmin.shipping.${field}` as MessageKey)} (${currency})`}
                          value={toMajor(draft.rates[currency][zone][field], currency)}
                          onChange={(v) => setRate(currency, zone, field, field === "freeFrom" ? toMinor(v, currency) : (toMinor(v, currency) ?? 0))}
                          decimalScale={minorDigits(currency)}
                          fixedDecimalScale={minorDigits(currency) > 0}
                          thousandSeparator=","
                          allowNegative={false}
                          prefix={currency === "KRW" ? "₩" : "$"}
                          placeholder={field === "freeFrom" ? t("shopAdmin.shipping.never") : undefined}
                          error={problems[`rates.${currency}.${zone}.${field}`]}
                          w={140}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ))}
      {save.error && !Object.keys(problems).length && (
        <Alert color="red" icon={<IconAlertCircle size={18} />}>
          {errorMessage(save.error, t)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button leftSection={<IconDeviceFloppy size={18} />} loading={save.isPending} onClick={() => save.mutate(draft)}>
          {t("shopAdmin.shipping.save")}
        </Button>
      </Group>
      <StripeTaxSetting />
    </Stack>
  );
}
