"use client";

import { PageLoader } from "./PageLoader";
import { addressLines } from "@/domain/shop/address";
import { Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconReceiptOff } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";
import { EmptyState } from "./EmptyState";
import { OrderLines } from "./OrderLines";
import { OrderStatusBadge } from "./OrderStatusBadge";
import { OrderStatusPanel } from "./OrderStatusPanel";
import { OrderTimeline } from "./OrderTimeline";
import { ShopFrame, type ShopUser } from "./ShopFrame";
import { SummaryRows } from "./SummaryRows";
import { TrackingCard } from "./TrackingCard";
import { useCountryName } from "./useCountryName";

/** Statuses the server moves on its own (print files finishing): the page asks again every few seconds. */
const MOVING = new Set(["paid", "in_production"]);

export const orderNumber = (id: string) => id.slice(0, 8).toUpperCase();

/** One order: where it stands, what is in it, where it goes and what happened so far. */
export function OrderView({ orderId, orderKey, user }: { orderId: string; orderKey: string | null; user: ShopUser }) {
  const { t, date } = useI18n();
  const trpc = useTRPC();
  const countryName = useCountryName();
  const query = useQuery(
    trpc.order.get.queryOptions({ id: orderId, key: orderKey ?? undefined }, { retry: false, refetchInterval: (q) => (q.state.data && MOVING.has(q.state.data.status) ? 3000 : false) }),
  );
  const order = query.data;

  if (query.isPending)
    return (
      <ShopFrame user={user}>
        <PageLoader />
      </ShopFrame>
    );
  if (!order)
    return (
      <ShopFrame user={user}>
        <EmptyState icon={<IconReceiptOff size={32} />} title={t("shop.order.notFound")} body={user ? undefined : t("shop.order.signInHint")} action={user ? { label: t("shop.order.allOrders"), href: "/orders" } : { label: t("nav.signIn"), href: `/sign-in?next=${encodeURIComponent(`/orders/${orderId}`)}` }} />
      </ShopFrame>
    );

  const a = order.shippingAddress;
  return (
    <ShopFrame user={user}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Group gap="sm" align="center">
            <Title order={1} fz={{ base: 24, sm: 30 }}>
              {t("shop.order.title", { number: orderNumber(order.id) })}
            </Title>
            <OrderStatusBadge status={order.status} size="lg" />
          </Group>
          <Text c="dimmed" size="sm">
            {t("shop.order.placed", { date: date(order.createdAt, "long") })}
          </Text>
        </Stack>
        <OrderStatusPanel order={order} live={MOVING.has(order.status)} />
        {order.tracking && <TrackingCard tracking={order.tracking} />}
        <Grid gap={{ base: "lg", md: 32 }}>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder radius="lg" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="items-title">
              <Title order={2} size="h4" id="items-title" mb="xs">
                {t("shop.order.items")}
              </Title>
              <OrderLines order={order} />
              <Stack mt="md">
                <SummaryRows
                  subtotal={order.subtotal}
                  discount={order.discountCode ? { amount: order.discount, code: order.discountCode } : null}
                  shipping={order.shipping}
                  salesTax={order.tax > 0 ? order.tax : null}
                  currency={order.currency}
                  refunded={order.refunds.filter((r) => r.status === "succeeded").reduce((sum, r) => sum + r.amount, 0)}
                />
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <Paper withBorder radius="lg" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="ship-title">
                <Title order={2} size="h4" id="ship-title" mb="xs">
                  {t("shop.order.shipTo")}
                </Title>
                <Text size="sm" component="address" style={{ fontStyle: "normal" }} lh={1.6} data-testid="order-address">
                  {addressLines(a).map((line) => (
                    <span key={line}>
                      {line}
                      <br />
                    </span>
                  ))}
                  {countryName(a.country)}
                </Text>
                <Title order={3} size="h6" mt="md" mb={4}>
                  {t("shop.order.contact")}
                </Title>
                <Text size="sm">{order.email}</Text>
                {a.phone && <Text size="sm">{a.phone}</Text>}
              </Paper>
              <Paper withBorder radius="lg" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="history-title">
                <Title order={2} size="h4" id="history-title" mb="md">
                  {t("shop.order.timeline")}
                </Title>
                <OrderTimeline timeline={order.timeline} />
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </ShopFrame>
  );
}
