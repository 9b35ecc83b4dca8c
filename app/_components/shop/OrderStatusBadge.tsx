"use client";

import { Badge, type BadgeProps } from "@mantine/core";
import type { OrderStatus } from "@/domain/shop/orderStatus";
import { useI18n } from "../../_i18n/I18nProvider";

/** Each status's colour, wherever an order's status is shown (the buyer's pages and the shop admin's). */
export const ORDER_STATUS_COLOR: Record<OrderStatus, string> = {
  pending_payment: "yellow",
  payment_failed: "red",
  paid: "teal",
  in_production: "violet",
  shipped: "blue",
  delivered: "green",
  canceled: "gray",
  refunded: "gray",
};

export function OrderStatusBadge({ status, size = "md", ...props }: { status: OrderStatus } & BadgeProps) {
  const { t } = useI18n();
  return (
    <Badge color={ORDER_STATUS_COLOR[status]} variant="light" size={size} radius="sm" data-testid="order-status" data-status={status} style={{ flex: "none" }} {...props}>
      {t(`shop.status.${status}`)}
    </Badge>
  );
}
