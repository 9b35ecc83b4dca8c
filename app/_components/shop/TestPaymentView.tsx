"use client";

import { Alert, Anchor, Badge, Box, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, ThemeIcon, Title } from "@mantine/core";
import { IconAlertCircle, IconCircleCheck, IconCircleX, IconCreditCard, IconLock } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { formatCardNumber } from "./cardNumber";
import { TestCardHints } from "./TestCardHints";
import { VerificationStep } from "./VerificationStep";
import classes from "./TestPaymentView.module.css";

type Outcome = { outcome: "paid" | "declined"; reason: string | null; orderUrl: string };

/** The built-in test provider's hosted page: the amount, a card, Approve or Decline, and the bank's extra check. */
export function TestPaymentView({ orderId, payKey }: { orderId: string; payKey: string }) {
  const { t, price } = useI18n();
  const trpc = useTRPC();
  const page = useQuery(trpc.payment.testPage.queryOptions({ orderId, key: payKey }, { retry: false }));
  const [card, setCard] = useState(formatCardNumber("4242424242424242"));
  const [verifying, setVerifying] = useState(false);
  const [done, setDone] = useState<Outcome | null>(null);
  const complete = useMutation(
    trpc.payment.testComplete.mutationOptions({
      onSuccess: (result) => {
        if (result.outcome === "needsVerification") return setVerifying(true);
        setVerifying(false);
        setDone(result);
        // A moment to read the outcome, as a provider's page does, then back to the shop.
        setTimeout(() => window.location.assign(result.orderUrl), 1200);
      },
    }),
  );
  const send = (action: "approve" | "decline", code?: string) => complete.mutate({ orderId, key: payKey, action, card, code });
  const orderHref = `/orders/${orderId}?key=${encodeURIComponent(payKey)}`;

  return (
    <Box className={classes.page}>
      <Box className={classes.testBar} role="note">
        <Badge color="orange" variant="filled" radius="sm" size="sm">
          {t("shop.pay.testMode")}
        </Badge>
        <Text size="sm" fw={500}>
          {t("shop.pay.testNotice")}
        </Text>
      </Box>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing={0} className={classes.panes}>
        <Box className={classes.summary}>
          <Stack gap="lg" className={classes.summaryInner}>
            <Group gap="xs">
              <ThemeIcon variant="filled" color="indigo" radius="md" size={32}>
                <IconCreditCard size={18} />
              </ThemeIcon>
              <Text fw={700}>{t("shop.pay.provider")}</Text>
            </Group>
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t("shop.pay.payTo", { merchant: t("shop.pay.merchant") })}
              </Text>
              <Text component="p" fz={{ base: 32, md: 40 }} fw={700} lh={1.1} data-testid="pay-amount">
                {page.data ? price(page.data.total, page.data.currency) : "\u00a0"}
              </Text>
              {page.data && (
                <Text size="sm" c="dimmed">
                  {t("shop.pay.email", { email: page.data.email })}
                </Text>
              )}
            </Stack>
          </Stack>
        </Box>
        <Box component="main" className={classes.form}>
          <Stack gap="lg" className={classes.formInner}>
            <Title order={1} size="h3">
              {t("shop.pay.title")}
            </Title>
            {page.isPending ? (
              <Group justify="center" py="xl">
                <Loader color="indigo" aria-label={t("common.loading")} />
              </Group>
            ) : page.error ? (
              <Alert color="red" icon={<IconAlertCircle size={18} />}>
                {errorMessage(page.error, t)}
              </Alert>
            ) : done ? (
              <Outcome done={done} />
            ) : !page.data.payable ? (
              <Stack gap="sm">
                <Alert color="gray" icon={<IconAlertCircle size={18} />}>
                  {t("shop.pay.closed")}
                </Alert>
                <Button component="a" href={orderHref} variant="default">
                  {t("shop.pay.viewOrder")}
                </Button>
              </Stack>
            ) : verifying ? (
              <VerificationStep busy={complete.isPending} onConfirm={(code) => send("approve", code)} onCancel={() => setVerifying(false)} />
            ) : (
              <Stack gap="md">
                <TextInput
                  label={t("shop.pay.card")}
                  value={card}
                  onChange={(e) => setCard(formatCardNumber(e.currentTarget.value))}
                  inputMode="numeric"
                  autoComplete="cc-number"
                  size="md"
                  leftSection={<IconCreditCard size={18} />}
                  styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", letterSpacing: 0.5 } }}
                  disabled={complete.isPending}
                />
                <SimpleGrid cols={2} spacing="md">
                  <TextInput label={t("shop.pay.expiry")} defaultValue="12 / 34" autoComplete="cc-exp" size="md" disabled={complete.isPending} />
                  <TextInput label={t("shop.pay.cvc")} defaultValue="123" autoComplete="cc-csc" inputMode="numeric" size="md" disabled={complete.isPending} />
                </SimpleGrid>
                <TestCardHints onUse={(c) => setCard(formatCardNumber(c))} />
                {complete.error && (
                  <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
                    {errorMessage(complete.error, t)}
                  </Alert>
                )}
                <Stack gap="sm" mt="xs">
                  <Button size="lg" color="indigo" fullWidth leftSection={<IconLock size={18} />} loading={complete.isPending && complete.variables?.action === "approve"} disabled={complete.isPending} onClick={() => send("approve")}>
                    {t("shop.pay.approve")}
                  </Button>
                  <Button size="md" variant="default" fullWidth loading={complete.isPending && complete.variables?.action === "decline"} disabled={complete.isPending} onClick={() => send("decline")}>
                    {t("shop.pay.decline")}
                  </Button>
                </Stack>
              </Stack>
            )}
            <Group gap={6} justify="center" mt="md">
              <IconLock size={14} color="var(--mantine-color-dimmed)" />
              <Text size="xs" c="dimmed">
                {t("shop.pay.secured")}
              </Text>
              {page.data && (
                <Anchor href={orderHref} size="xs" ml="xs">
                  {t("shop.pay.backToShop")}
                </Anchor>
              )}
            </Group>
          </Stack>
        </Box>
      </SimpleGrid>
    </Box>
  );
}

function Outcome({ done }: { done: Outcome }) {
  const { t } = useI18n();
  const paid = done.outcome === "paid";
  return (
    <Stack align="center" gap="sm" py="lg" ta="center" role="status" data-testid="pay-outcome">
      <ThemeIcon size={56} radius="xl" color={paid ? "teal" : "red"} variant="light">
        {paid ? <IconCircleCheck size={34} /> : <IconCircleX size={34} />}
      </ThemeIcon>
      <Text fw={600}>{paid ? t("shop.pay.paid") : t("shop.pay.declined")}</Text>
      <Loader size="sm" color="gray" />
    </Stack>
  );
}
