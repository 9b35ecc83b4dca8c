"use client";

import { ActionIcon, Anchor, Group, Stack, Text } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import Link from "next/link";
import { useI18n } from "../../_i18n/I18nProvider";
import { ItemThumb } from "./ItemThumb";
import { QuantityStepper } from "./QuantityStepper";
import type { CartLine } from "./shopTypes";
import { productPath } from "@/domain/shop/productPath";

type Props = { line: CartLine; currency: string; busy: boolean; onQuantity: (n: number) => void; onRemove: () => void };

/** One cart line: picture, what it is, quantity, remove, and its price. */
export function CartLineItem({ line, currency, busy, onQuantity, onRemove }: Props) {
  const { t, price, names } = useI18n();
  const max = Math.min(100, line.stockLeft ?? 100);
  return (
    <Group align="flex-start" wrap="nowrap" gap="md" py="md" data-testid="cart-line">
      <Anchor component={Link} href={productPath(line.slug)} aria-hidden tabIndex={-1}>
        <ItemThumb url={line.imageUrl} size={88} />
      </Anchor>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} href={productPath(line.slug)} c="dark" fw={600} lineClamp={2}>
              {line.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {[line.productId ? names.product({ id: line.productId, name: line.productName }) : line.productName, line.color && names.color(line.color), line.size].filter(Boolean).join(" · ")}
            </Text>
          </Stack>
          <Text fw={600} style={{ whiteSpace: "nowrap" }} data-testid="line-total">
            {line.unitPrice === null ? "—" : price(line.unitPrice * line.quantity, currency)}
          </Text>
        </Group>
        {line.unitPrice !== null && line.quantity > 1 && (
          <Text size="xs" c="dimmed">
            {t("shop.cart.each", { price: price(line.unitPrice, currency) })}
          </Text>
        )}
        {!line.available && (
          <Text size="sm" c="red" role="alert">
            {t("shop.cart.unavailable")}
          </Text>
        )}
        {line.available && line.stockLeft !== null && line.stockLeft <= 10 && (
          <Text size="xs" c="orange">
            {t("shop.cart.onlyLeft", { count: line.stockLeft })}
          </Text>
        )}
        <Group justify="space-between" mt={6}>
          <QuantityStepper size="sm" value={line.quantity} max={max} onChange={onQuantity} label={t("shop.quantity.of", { title: line.title })} disabled={busy || !line.available} />
          <ActionIcon variant="subtle" color="gray.7" size={36} onClick={onRemove} disabled={busy} aria-label={t("shop.cart.remove", { title: line.title })}>
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
      </Stack>
    </Group>
  );
}
