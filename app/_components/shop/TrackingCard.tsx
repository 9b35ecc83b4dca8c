"use client";

import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconExternalLink, IconTruckDelivery } from "@tabler/icons-react";
import { useI18n } from "../../_i18n/I18nProvider";

type Tracking = { carrierName: string; number: string; url: string };

/** The parcel on its way: carrier, number and a link to the carrier's tracking page. */
export function TrackingCard({ tracking }: { tracking: Tracking }) {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="lg" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="tracking-title" data-testid="order-tracking">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <IconTruckDelivery size={28} stroke={1.5} color="var(--mantine-color-violet-6)" aria-hidden />
          <Stack gap={0}>
            <Title order={2} size="h5" id="tracking-title">
              {t("shop.order.tracking.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {tracking.carrierName} · <span style={{ fontVariantNumeric: "tabular-nums" }}>{tracking.number}</span>
            </Text>
          </Stack>
        </Group>
        <Button component="a" href={tracking.url} target="_blank" rel="noreferrer" variant="light" color="violet" rightSection={<IconExternalLink size={16} />} data-testid="tracking-link">
          {t("shop.order.tracking.track", { carrier: tracking.carrierName })}
        </Button>
      </Group>
    </Paper>
  );
}
