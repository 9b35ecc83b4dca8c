"use client";

import { Badge } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";

/** "12 left" on a limited edition, "Sold out" when none are; nothing when unlimited. */
export function StockBadge({ stockLeft, stockTotal }: { stockLeft: number | null; stockTotal: number | null }) {
  const { t } = useI18n();
  if (stockLeft === null) return null;
  if (stockLeft <= 0)
    return (
      <Badge color="gray" variant="filled" size="lg" radius="sm" tt="none" data-testid="stock">
        {t("shop.stock.soldOut")}
      </Badge>
    );
  return (
    <Badge color={stockLeft <= 10 ? "orange" : "violet"} variant="light" size="lg" radius="sm" tt="none" data-testid="stock">
      {stockTotal ? t("shop.stock.leftOfTotal", { count: stockLeft, total: stockTotal }) : t("shop.stock.left", { count: stockLeft })}
    </Badge>
  );
}
