"use client";

import { Badge } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import type { OrderStatus } from "./shopTypes";

const COLORS: Record<OrderStatus, string> = {
  pending_payment: "yellow",
  payment_failed: "red",
  paid: "teal",
  in_production: "violet",
  shipped: "blue",
  delivered: "green",
  canceled: "gray",
  refunded: "gray",
};

export function OrderStatusBadge({ status, size = "md" }: { status: OrderStatus; size?: "sm" | "md" | "lg" }) {
  const { t } = useI18n();
  return (
    <Badge color={COLORS[status]} variant="light" size={size} radius="sm" data-testid="order-status" data-status={status}>
      {t(`shop.status.${status}`)}
    </Badge>
  );
}
