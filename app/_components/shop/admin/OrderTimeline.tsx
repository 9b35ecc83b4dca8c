"use client";

import { Text, Timeline } from "@mantine/core";
import type { OrderStatus } from "@/domain/shop/orderStatus";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { useI18n } from "../../../_i18n/I18nProvider";
import { ORDER_STATUS_COLOR } from "../OrderStatusBadge";
import { statusKey } from "./orderStatusView";

type Event = { status: OrderStatus; from: OrderStatus | null; at: Date; actor: string; note: string | null };

/** The notes the system writes, in the reader's language; an admin's own notes stay as typed. */
const SYSTEM_NOTES: Record<string, MessageKey> = {
  "Every print file is ready.": "shopAdmin.note.printed",
  "Not paid within 30 minutes.": "shopAdmin.note.expired",
  "The payment provider could not be reached.": "shopAdmin.note.providerDown",
};

/** Who moved the order: its buyer placing it, a payment provider, an admin, or the shop's system. */
function actorKey(e: Event): MessageKey {
  if (e.from === null) return "shopAdmin.actor.customer";
  if (e.actor.startsWith("provider:")) return "shopAdmin.actor.provider";
  if (e.actor.startsWith("user:")) return "shopAdmin.actor.admin";
  return "shopAdmin.actor.system";
}

export function OrderTimeline({ events }: { events: Event[] }) {
  const { t, date } = useI18n();
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} color="violet" data-testid="order-timeline">
      {events.map((e, i) => (
        <Timeline.Item key={i} color={e.from === null ? "violet" : ORDER_STATUS_COLOR[e.status]} title={<Text size="sm" fw={600}>{e.from === null ? t("shopAdmin.detail.placed") : t(statusKey(e.status))}</Text>} data-testid="timeline-event" data-status={e.status}>
          <Text size="xs" c="dimmed">
            {date(e.at, "long")} · {t(actorKey(e))}
          </Text>
          {e.note && (
            <Text size="sm" mt={2}>
              {SYSTEM_NOTES[e.note] ? t(SYSTEM_NOTES[e.note]!) : e.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
