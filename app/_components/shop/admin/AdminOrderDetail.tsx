"use client";

import { isRenderOpen } from "@/domain/render/renderStatus";
import { addressLines } from "@/domain/shop/address";
import { Alert, Anchor, Card, Divider, Grid, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { OrderActions } from "./OrderActions";
import { RefundItems } from "./RefundItems";
import { OrderLineItem } from "./OrderLineItem";
import { OrderStatusBadge } from "../OrderStatusBadge";
import { shortId } from "./orderStatusView";
import { OrderTimeline } from "./OrderTimeline";

const regionName = (locale: string, code: string) => new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;

/** One order for the shop admin: what to print and where to send it, its history, and the next step. */
export function AdminOrderDetail({ id }: { id: string }) {
  const { t, date, price, locale } = useI18n();
  const trpc = useTRPC();
  const order = useQuery({
    ...trpc.order.get.queryOptions({ id }),
    // Paid orders wait for their print files: follow the renderer until each is done.
    refetchInterval: (q) => (q.state.data?.lines.some((l) => l.printFiles.some((f) => isRenderOpen(f.status))) || q.state.data?.status === "paid" ? 2_000 : 20_000),
  });
  const back = (
    <Anchor component={Link} href="/admin/orders" size="sm" style={{ display: "inline-flex", alignItems: "center", gap: 4, alignSelf: "flex-start" }}>
      <IconArrowLeft size={16} />
      {t("shopAdmin.detail.back")}
    </Anchor>
  );
  if (order.isPending) {
    return (
      <Stack gap="md" role="status" aria-busy="true" aria-label={t("common.loading")}>
        {back}
        <Skeleton h={36} w={280} />
        <Skeleton h={240} radius="lg" />
      </Stack>
    );
  }
  if (order.isError) {
    return (
      <Stack gap="md">
        {back}
        <Alert color="red" icon={<IconAlertCircle size={18} />} title={t("common.error")}>
          {errorMessage(order.error, t)}
        </Alert>
      </Stack>
    );
  }
  const o = order.data;
  const a = o.shippingAddress;
  const section = (title: string, children: ReactNode, testId?: string) => (
    <Card withBorder radius="lg" p="md" data-testid={testId}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
  const row = (label: string, value: string, strong = false) => (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c={strong ? undefined : "dimmed"} fw={strong ? 700 : undefined}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : undefined}>
        {value}
      </Text>
    </Group>
  );

  return (
    <Stack gap="md" data-testid="admin-order" data-status={o.status}>
      {back}
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Group gap="sm">
            <Title order={1} size="h2">
              {t("shopAdmin.detail.title", { id: shortId(o.id) })}
            </Title>
            <OrderStatusBadge status={o.status} size="lg" />
          </Group>
          <Text size="sm" c="dimmed">
            {date(o.createdAt, "long")} · {price(o.total, o.currency)}
          </Text>
        </div>
        <Group gap="xs">
          <RefundItems order={o} />
          <OrderActions orderId={o.id} status={o.status} country={o.shippingAddress.country} />
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {section(
              t("shopAdmin.detail.items"),
              <Stack gap="md">
                {o.lines.map((l, i) => (
                  <Fragment key={l.id}>
                    {i > 0 && <Divider />}
                    <OrderLineItem line={l} currency={o.currency} />
                  </Fragment>
                ))}
                <Divider />
                <Stack gap={4}>
                  {row(t("shopAdmin.detail.subtotal"), price(o.subtotal, o.currency))}
                  {o.discountCode && row(t("shop.summary.discount", { code: o.discountCode }), `−${price(o.discount, o.currency)}`)}
                  {row(t("shopAdmin.detail.shipping"), o.shipping ? price(o.shipping, o.currency) : t("shopAdmin.detail.free"))}
                  {row(t("shopAdmin.detail.total"), price(o.total, o.currency), true)}
                  {o.refunded > 0 && row(t("shop.summary.refunded"), `−${price(o.refunded, o.currency)}`)}
                </Stack>
              </Stack>,
            )}
            {section(t("shopAdmin.detail.timeline"), <OrderTimeline events={o.timeline} />)}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {section(
              t("shopAdmin.detail.customer"),
              <Anchor href={`mailto:${o.email}`} size="sm" style={{ wordBreak: "break-all" }}>
                {o.email}
              </Anchor>,
            )}
            {section(
              t("shopAdmin.detail.shipTo"),
              <Text size="sm" component="address" style={{ fontStyle: "normal", whiteSpace: "pre-line" }} data-testid="order-address">
                {[...addressLines(a), regionName(locale, a.country), ...(a.phone ? [`☎ ${a.phone}`] : [])].join("\n")}
              </Text>,
            )}
            {section(
              t("shopAdmin.detail.payment"),
              <Stack gap={4}>
                {row(t("shopAdmin.detail.provider"), o.provider === "test" ? t("shopAdmin.detail.testProvider") : o.provider)}
                {row(t("shopAdmin.detail.total"), price(o.total, o.currency))}
              </Stack>,
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
