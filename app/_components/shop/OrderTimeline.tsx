"use client";

import { Text, Timeline } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import type { Order } from "./shopTypes";

/** Everything that happened to the order, oldest first; notes only where a person wrote one. */
export function OrderTimeline({ timeline }: { timeline: Order["timeline"] }) {
  const { t, date } = useI18n();
  return (
    <Timeline active={timeline.length - 1} bulletSize={14} lineWidth={2} color="violet" data-testid="order-timeline">
      {timeline.map((e, i) => (
        <Timeline.Item key={i} title={<Text size="sm" fw={600}>{t(`shop.timeline.${e.status}`)}</Text>}>
          <Text size="xs" c="dimmed">
            {date(e.at, "long")}
          </Text>
          {e.note && e.actor.startsWith("user:") && e.status !== "pending_payment" && (
            <Text size="sm" mt={4}>
              {e.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
