"use client";

import { ActionIcon, Indicator } from "@mantine/core";
import { IconShoppingBag } from "@tabler/icons-react";
import Link from "next/link";
import { useI18n } from "../../_i18n/I18nProvider";
import { useCart } from "./useCart";

/** The header's way to the cart, with how many items are in it. */
export function CartButton() {
  const { t } = useI18n();
  const count = useCart().cart.data?.itemCount ?? 0;
  return (
    <Indicator label={count > 99 ? "99+" : count} size={18} offset={4} disabled={count === 0} color="violet" withBorder>
      <ActionIcon
        component={Link}
        href="/cart"
        variant="subtle"
        color="dark"
        size={38}
        radius="xl"
        aria-label={count ? t("shop.cart.linkWithCount", { count }) : t("shop.cart.link")}
        data-testid="cart-button"
      >
        <IconShoppingBag size={22} stroke={1.7} />
      </ActionIcon>
    </Indicator>
  );
}
