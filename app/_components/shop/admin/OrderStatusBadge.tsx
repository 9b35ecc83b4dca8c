"use client";

import { Badge, type BadgeProps } from "@mantine/core";
import type { OrderStatus } from "@/domain/shop/orderStatus";
import { useI18n } from "../../../_i18n/I18nProvider";
import { STATUS_COLOR, statusKey } from "./orderStatusView";

export function OrderStatusBadge({ status, ...props }: { status: OrderStatus } & BadgeProps) {
  const { t } = useI18n();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="order-status" data-status={status} style={{ flex: "none" }} {...props}>
      {t(statusKey(status))}
    </Badge>
  );
}
