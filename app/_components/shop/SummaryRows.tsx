"use client";

import { Divider, Group, Stack, Text } from "@mantine/core";
import { includedVat } from "@/domain/shop/tax";
import { useI18n } from "../../_i18n/I18nProvider";

type Props = {
  subtotal: number;
  /** Taken off by a code, with the code as applied. */
  discount?: { amount: number; code: string } | null;
  shipping: number | null;
  /** Sales tax: an amount Stripe added, or "at payment" while Stripe has yet to compute it. */
  salesTax?: number | "atPayment" | null;
  currency: string;
  estimated?: boolean;
  /** Given back so far on a paid order. */
  refunded?: number;
};

/** Subtotal, any discount, shipping (or "at checkout" while unknown), the total, and what was refunded. */
export function SummaryRows({ subtotal, discount, shipping, salesTax, currency, estimated, refunded = 0 }: Props) {
  const { t, price } = useI18n();
  const total = subtotal - (discount?.amount ?? 0) + (shipping ?? 0) + (typeof salesTax === "number" ? salesTax : 0);
  const vat = includedVat(total, currency);
  return (
    <Stack gap={8}>
      <Group justify="space-between">
        <Text size="sm">{t("shop.summary.subtotal")}</Text>
        <Text size="sm" data-testid="summary-subtotal">
          {price(subtotal, currency)}
        </Text>
      </Group>
      {discount && discount.amount > 0 && (
        <Group justify="space-between">
          <Text size="sm">{t("shop.summary.discount", { code: discount.code })}</Text>
          <Text size="sm" c="teal.9" data-testid="summary-discount">
            −{price(discount.amount, currency)}
          </Text>
        </Group>
      )}
      <Group justify="space-between">
        <Text size="sm">{t("shop.summary.shipping")}</Text>
        <Text size="sm" c={shipping === null ? "dimmed" : undefined} data-testid="summary-shipping">
          {shipping === null ? t("shop.summary.shippingLater") : shipping === 0 ? t("shop.summary.free") : price(shipping, currency)}
        </Text>
      </Group>
      {salesTax != null && (
        <Group justify="space-between">
          <Text size="sm">{t("shop.summary.salesTax")}</Text>
          <Text size="sm" c={salesTax === "atPayment" ? "dimmed" : undefined} data-testid="summary-tax">
            {salesTax === "atPayment" ? t("shop.summary.salesTaxAtPayment") : price(salesTax, currency)}
          </Text>
        </Group>
      )}
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
      {refunded > 0 && (
        <Group justify="space-between">
          <Text size="sm">{t("shop.summary.refunded")}</Text>
          <Text size="sm" c="red.9" data-testid="summary-refunded">
            −{price(refunded, currency)}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
