"use client";

import { Divider, Group, Stack, Text } from "@mantine/core";
import { includedVat } from "@/domain/shop/tax";
import { useI18n } from "../../_i18n/I18nProvider";

type Props = { subtotal: number; shipping: number | null; currency: string; estimated?: boolean };

/** Subtotal, shipping (or "at checkout" while unknown) and the total. */
export function SummaryRows({ subtotal, shipping, currency, estimated }: Props) {
  const { t, price } = useI18n();
  const total = subtotal + (shipping ?? 0);
  const vat = includedVat(total, currency);
  return (
    <Stack gap={8}>
      <Group justify="space-between">
        <Text size="sm">{t("shop.summary.subtotal")}</Text>
        <Text size="sm" data-testid="summary-subtotal">
          {price(subtotal, currency)}
        </Text>
      </Group>
      <Group justify="space-between">
        <Text size="sm">{t("shop.summary.shipping")}</Text>
        <Text size="sm" c={shipping === null ? "dimmed" : undefined} data-testid="summary-shipping">
          {shipping === null ? t("shop.summary.shippingLater") : shipping === 0 ? t("shop.summary.free") : price(shipping, currency)}
        </Text>
      </Group>
      <Divider my={4} />
      <Group justify="space-between">
        <Text fw={700}>{estimated ? t("shop.summary.estimatedTotal") : t("shop.summary.total")}</Text>
        <Text fw={700} fz="lg" data-testid="summary-total">
          {price(total, currency)}
        </Text>
      </Group>
      {vat !== null && (
        <Text size="xs" c="dimmed" ta="right" data-testid="summary-vat">
          {t("shop.summary.vatIncluded", { vat: price(vat, currency) })}
        </Text>
      )}
    </Stack>
  );
}
