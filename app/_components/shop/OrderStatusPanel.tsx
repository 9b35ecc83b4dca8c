"use client";

import { Alert, Button, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconClock, IconInfoCircle } from "@tabler/icons-react";
import { useI18n } from "../../_i18n/I18nProvider";
import { OrderTracker } from "./OrderTracker";
import type { Order } from "./shopTypes";

/** Where the order stands and what the shopper can do about it: pay, try again, or watch it being made. */
export function OrderStatusPanel({ order, live }: { order: Order; live: boolean }) {
  const { t, date } = useI18n();
  switch (order.status) {
    case "pending_payment":
      return (
        <Alert color="yellow" icon={<IconClock size={20} />} title={t("shop.order.awaitingPayment")} radius="lg">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t("shop.order.awaitingPaymentBody", { date: date(order.payBy, "long") })}</Text>
            {order.paymentUrl && (
              <Button component="a" href={order.paymentUrl}>
                {t("shop.order.payNow")}
              </Button>
            )}
          </Stack>
        </Alert>
      );
    case "payment_failed":
      return (
        <Alert color="red" icon={<IconAlertTriangle size={20} />} title={t("shop.order.failedTitle")} radius="lg" data-testid="payment-failed">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t("shop.order.failedBody", { date: date(order.payBy, "long") })}</Text>
            {order.paymentUrl && (
              <Button component="a" href={order.paymentUrl} color="red">
                {t("shop.order.tryAgain")}
              </Button>
            )}
          </Stack>
        </Alert>
      );
    case "canceled":
    case "refunded":
      return (
        <Alert color="gray" icon={<IconInfoCircle size={20} />} radius="lg">
          {order.status === "canceled" ? t("shop.order.canceledBody") : t("shop.order.refundedBody")}
        </Alert>
      );
    default:
      return (
        <Paper withBorder radius="lg" p={{ base: "md", sm: "xl" }}>
          <Stack gap="lg">
            {(order.status === "paid" || order.status === "in_production") && (
              <Group gap="md" wrap="nowrap" align="flex-start">
                <ThemeIcon color="teal" variant="light" radius="xl" size={44}>
                  <IconCircleCheck size={26} />
                </ThemeIcon>
                <Stack gap={2}>
                  <Title order={2} size="h4">
                    {t("shop.order.thanks")}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t("shop.order.thanksBody", { email: order.email })}
                  </Text>
                </Stack>
              </Group>
            )}
            <OrderTracker status={order.status} />
            {live && (
              <Group gap={6} justify="center">
                <Loader size={12} color="gray" />
                <Text size="xs" c="dimmed">
                  {t("shop.order.live")}
                </Text>
              </Group>
            )}
          </Stack>
        </Paper>
      );
  }
}
