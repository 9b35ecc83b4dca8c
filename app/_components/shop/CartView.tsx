"use client";

import { PageLoader } from "./PageLoader";
import { Anchor, Button, Divider, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLock, IconShoppingBag } from "@tabler/icons-react";
import Link from "next/link";
import { Fragment } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { CartLineItem } from "./CartLineItem";
import { EmptyState } from "./EmptyState";
import { ShippingRuleNote } from "./ShippingRuleNote";
import { ShopFrame, type ShopUser } from "./ShopFrame";
import { SummaryRows } from "./SummaryRows";
import { useCart } from "./useCart";
import { productPath } from "@/domain/shop/productPath";

/** The cart: lines to adjust on the left, the summary and Checkout on the right (below on a phone). */
export function CartView({ user }: { user: ShopUser }) {
  const { t } = useI18n();
  const { cart, update, remove } = useCart();
  const busy = update.isPending || remove.isPending;
  const onError = (e: unknown) => notifications.show({ color: "red", message: errorMessage(e, t) });
  const data = cart.data;
  const blocked = data?.lines.some((l) => !l.available) ?? false;

  return (
    <ShopFrame user={user}>
      <Group justify="space-between" align="baseline" mb="lg">
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t("shop.cart.title")}
        </Title>
        {data && data.itemCount > 0 && <Text c="dimmed">{t("shop.cart.count", { count: data.itemCount })}</Text>}
      </Group>
      {!data ? (
        <PageLoader />
      ) : data.lines.length === 0 ? (
        <EmptyState icon={<IconShoppingBag size={32} />} title={t("shop.cart.empty")} body={t("shop.cart.emptyHint")} action={{ label: t("shop.cart.shop"), href: "/shop" }} />
      ) : (
        <Grid gap={{ base: "lg", md: 32 }}>
          <Grid.Col span={{ base: 12, md: 7.5 }}>
            <Paper withBorder radius="lg" px={{ base: "md", sm: "lg" }} py={4}>
              {data.lines.map((line, i) => (
                <Fragment key={line.id}>
                  {i > 0 && <Divider />}
                  <CartLineItem
                    line={line}
                    currency={data.currency}
                    busy={busy}
                    onQuantity={(quantity) => update.mutate({ lineId: line.id, quantity }, { onError })}
                    onRemove={() => remove.mutate({ lineId: line.id }, { onError, onSuccess: () => notifications.show({ message: t("shop.cart.removed", { title: line.title }) }) })}
                  />
                </Fragment>
              ))}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4.5 }}>
            <Paper withBorder radius="lg" p="lg" style={{ position: "sticky", top: 24 }}>
              <Stack gap="md">
                <Title order={2} size="h4">
                  {t("shop.summary.title")}
                </Title>
                <SummaryRows subtotal={data.subtotal} shipping={null} currency={data.currency} estimated />
                <Button component={Link} href="/checkout" size="md" fullWidth disabled={blocked} data-disabled={blocked || undefined} onClick={(e) => blocked && e.preventDefault()}>
                  {t("shop.cart.checkout")}
                </Button>
                <Group gap={6} justify="center">
                  <IconLock size={14} color="var(--mantine-color-dimmed)" />
                  <Text size="xs" c="dimmed">
                    {t("shop.cart.secure")}
                  </Text>
                </Group>
                <Divider />
                <ShippingRuleNote currency={data.currency} size="xs" />
                <Anchor component={Link} href={productPath(data.lines[data.lines.length - 1]!.slug)} size="sm" ta="center">
                  {t("shop.cart.continue")}
                </Anchor>
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
      )}
    </ShopFrame>
  );
}
