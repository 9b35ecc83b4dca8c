"use client";

import { Button, Divider, Drawer, Group, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import Link from "next/link";
import { useI18n } from "../../_i18n/I18nProvider";
import { ItemThumb } from "./ItemThumb";
import type { Cart } from "./shopTypes";

export type AddedItem = { title: string; color: string; size: string; quantity: number; imageUrl: string | null };

/** After Add to cart: what went in, the cart's subtotal, and the two ways on. */
export function AddedToCartDrawer({ added, cart, onClose }: { added: AddedItem | null; cart: Cart | undefined; onClose: () => void }) {
  const { t, price, names } = useI18n();
  return (
    <Drawer
      opened={!!added}
      onClose={onClose}
      position="right"
      size={420}
      styles={{ content: { maxWidth: "100vw" } }}
      title={
        <Group gap="xs">
          <ThemeIcon color="teal" radius="xl" size={24}>
            <IconCheck size={14} stroke={3} />
          </ThemeIcon>
          <Text fw={700}>{t("shop.added.title")}</Text>
        </Group>
      }
    >
      {added && (
        <Stack gap="lg" data-testid="added-to-cart">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ItemThumb url={added.imageUrl} size={80} />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={600} lineClamp={2}>
                {added.title}
              </Text>
              <Text size="sm" c="dimmed">
                {names.color(added.color)} · {added.size}
              </Text>
              <Text size="sm" c="dimmed">
                {t("shop.added.quantity", { count: added.quantity })}
              </Text>
            </Stack>
          </Group>
          <Divider />
          {cart && (
            <Group justify="space-between">
              <Text size="sm">{t("shop.added.cartSubtotal", { count: cart.itemCount })}</Text>
              <Text fw={700}>{price(cart.subtotal, cart.currency)}</Text>
            </Group>
          )}
          <Stack gap="sm">
            <Button component={Link} href="/checkout" size="md" fullWidth>
              {t("shop.added.checkout")}
            </Button>
            <Button component={Link} href="/cart" size="md" variant="default" fullWidth>
              {t("shop.added.viewCart")}
            </Button>
            <Button variant="subtle" color="dark" onClick={onClose}>
              {t("shop.added.continue")}
            </Button>
          </Stack>
        </Stack>
      )}
    </Drawer>
  );
}
