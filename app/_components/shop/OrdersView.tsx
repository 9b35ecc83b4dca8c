"use client";

import { PageLoader } from "./PageLoader";
import { Divider, Group, Paper, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { IconChevronRight, IconReceipt } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";
import { EmptyState } from "./EmptyState";
import { ItemThumb } from "./ItemThumb";
import { OrderStatusBadge } from "./OrderStatusBadge";
import { orderNumber } from "./OrderView";
import { ShopFrame, type ShopUser } from "./ShopFrame";
import classes from "./OrdersView.module.css";

/** The signed-in buyer's orders, newest first. */
export function OrdersView({ user }: { user: ShopUser }) {
  const { t, date, price } = useI18n();
  const trpc = useTRPC();
  const orders = useQuery(trpc.order.list.queryOptions());
  return (
    <ShopFrame user={user} size="md">
      <Title order={1} fz={{ base: 26, sm: 32 }} mb="lg">
        {t("shop.orders.title")}
      </Title>
      {!orders.data ? (
        <PageLoader />
      ) : orders.data.length === 0 ? (
        <EmptyState icon={<IconReceipt size={32} />} title={t("shop.orders.empty")} action={{ label: t("shop.cart.browse"), href: "/" }} />
      ) : (
        <Paper withBorder radius="lg">
          {orders.data.map((o, i) => (
            <Fragment key={o.id}>
              {i > 0 && <Divider />}
              <UnstyledButton component={Link} href={`/orders/${o.id}`} className={classes.row} data-testid="orders-row">
                <ItemThumb url={o.imageUrl} size={56} />
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      #{orderNumber(o.id)}
                    </Text>
                    <OrderStatusBadge status={o.status} size="sm" />
                  </Group>
                  <Text size="sm" truncate>
                    {o.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {date(o.createdAt)} · {t("shop.orders.items", { count: o.itemCount })}
                  </Text>
                </Stack>
                <Text fw={600} size="sm" style={{ whiteSpace: "nowrap" }}>
                  {price(o.total, o.currency)}
                </Text>
                <IconChevronRight size={18} color="var(--mantine-color-gray-6)" aria-hidden />
              </UnstyledButton>
            </Fragment>
          ))}
        </Paper>
      )}
    </ShopFrame>
  );
}
