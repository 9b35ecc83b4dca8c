"use client";

import PortOne, { type Entity } from "@portone/browser-sdk/v2";
import { Anchor, Button, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { PortOneCheckoutParams } from "@/server/services/shop/payments/portoneCheckoutParams";
import { useI18n } from "../../_i18n/I18nProvider";

export type PortOneCheckoutProps = PortOneCheckoutParams & { paymentId: string };

/**
 * Opens PortOne's payment window on a click (a window opened without one is often blocked). On a
 * phone PortOne leaves for the card company's pages and comes back to `redirectUrl` itself; on a
 * desktop the promise settles here. Either way the order changes only when PortOne's webhook says so.
 */
export function PortOneCheckout(props: PortOneCheckoutProps) {
  const { price } = useI18n();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function pay() {
    setState({ busy: true, error: null });
    try {
      const response = await PortOne.requestPayment({
        storeId: props.storeId,
        channelKey: props.channelKey,
        paymentId: props.paymentId,
        orderName: props.orderName,
        totalAmount: props.totalAmount,
        currency: props.currency as Entity.Currency,
        payMethod: "CARD",
        customer: { email: props.email },
        redirectUrl: props.redirectUrl,
      });
      if (!response) return; // Redirected: PortOne brings the shopper back to redirectUrl.
      if (response.code !== undefined) {
        setState({ busy: false, error: response.message ?? "The payment did not go through." });
        return;
      }
      window.location.assign(props.redirectUrl);
    } catch (e) {
      setState({ busy: false, error: e instanceof Error ? e.message : "The payment window could not be opened." });
    }
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" radius="lg" maw={440} w="100%" component="main">
        <Stack gap="sm">
          <Title order={1} size="h3">
            Pay for your order
          </Title>
          <Text>{props.orderName}</Text>
          <Text size="xl" fw={700} data-testid="portone-amount">
            {price(props.totalAmount, props.currency)}
          </Text>
          {state.error ? (
            <Text c="red" role="alert">
              {state.error}
            </Text>
          ) : null}
          <Button size="md" loading={state.busy} onClick={pay} data-testid="portone-pay">
            {state.error ? "Try again" : "Pay"}
          </Button>
          <Anchor href={props.redirectUrl} size="sm" ta="center">
            Back to your order
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
