"use client";

import { Anchor, Divider, Group, Stack, Text } from "@mantine/core";
import Link from "next/link";
import { Fragment } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { ItemThumb } from "./ItemThumb";
import type { Order } from "./shopTypes";
import { productPath } from "@/domain/shop/productPath";

/** The order's lines at the prices paid. */
export function OrderLines({ order }: { order: Order }) {
  const { t, price, names } = useI18n();
  return (
    <Stack gap={0}>
      {order.lines.map((line, i) => (
        <Fragment key={line.id}>
          {i > 0 && <Divider />}
          <Group wrap="nowrap" gap="md" py="sm" data-testid="order-line">
            <ItemThumb url={line.imageUrl} size={64} />
            <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
              <Anchor component={Link} href={productPath(line.slug)} c="dark" fw={600} size="sm" lineClamp={2}>
                {line.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t("shop.summary.itemMeta", { color: line.color ? names.color(line.color) : "—", size: line.size ?? "—", count: line.quantity })}
              </Text>
              {line.refundedQuantity > 0 && (
                <Text size="xs" c="red.9" fw={600} data-testid="line-refunded">
                  {t("shop.order.lineRefunded", { count: line.refundedQuantity })}
                </Text>
              )}
            </Stack>
            <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
              {price(line.unitPrice * line.quantity, order.currency)}
            </Text>
          </Group>
        </Fragment>
      ))}
    </Stack>
  );
}
