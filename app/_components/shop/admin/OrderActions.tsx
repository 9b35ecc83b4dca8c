"use client";

import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBan, IconCash, IconCircleCheck, IconTruckDelivery } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CARRIER_IDS, CARRIERS, type CarrierId } from "@/domain/shop/carriers";
import { ADMIN_MOVES, nextStatuses, type OrderStatus } from "@/domain/shop/orderStatus";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";

type Move = "shipped" | "delivered" | "canceled" | "refunded";
const LOOK: Record<Move, { icon: typeof IconBan; color: string; danger: boolean }> = {
  shipped: { icon: IconTruckDelivery, color: "violet", danger: false },
  delivered: { icon: IconCircleCheck, color: "teal", danger: false },
  canceled: { icon: IconBan, color: "red", danger: true },
  refunded: { icon: IconCash, color: "red", danger: true },
};
const k = (move: Move, part: string) => `shopAdmin.move.${move}.${part}` as MessageKey;

/** The courier a shop most likely uses for a parcel to `country`. */
const defaultCarrier = (country: string): CarrierId => (country === "KR" ? "cj" : country === "US" ? "usps" : "dhl");

/**
 * The moves a shop admin may make from the order's status, each confirmed in a dialog with an
 * optional note; marking it shipped also takes the carrier and tracking number.
 */
export function OrderActions({ orderId, status, country }: { orderId: string; status: OrderStatus; country: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Move | null>(null);
  const [note, setNote] = useState("");
  const [carrier, setCarrier] = useState<CarrierId>(defaultCarrier(country));
  const [trackingNumber, setTrackingNumber] = useState("");
  const moves = nextStatuses(status).filter((s): s is Move => ADMIN_MOVES.includes(s));
  const move = useMutation(
    trpc.order.move.mutationOptions({
      onSuccess: (_, v) => {
        notifications.show({ color: "teal", message: t(k(v.to as Move, "done")) });
        setOpen(null);
        void queryClient.invalidateQueries({ queryKey: trpc.order.get.queryKey({ id: orderId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.order.list.queryKey() });
      },
      onError: (e) => notifications.show({ color: "red", title: t("common.error"), message: errorMessage(e, t) }),
    }),
  );
  if (!moves.length) return null;
  const start = (m: Move) => {
    setNote("");
    setTrackingNumber("");
    setOpen(m);
  };
  const submit = (to: Move) => {
    const number = trackingNumber.trim();
    move.mutate({ id: orderId, to, note: note.trim() || undefined, tracking: to === "shipped" && number ? { carrier, number } : undefined });
  };

  return (
    <>
      <Group gap="xs" data-testid="order-actions">
        {/* The way forward first and filled; what undoes the sale after it, quieter. */}
        {moves.map((m) => {
          const { icon: Icon, color, danger } = LOOK[m];
          return (
            <Button key={m} size="sm" color={color} variant={danger ? "default" : "filled"} c={danger ? "red.8" : undefined} leftSection={<Icon size={16} />} onClick={() => start(m)} data-testid={`move-${m}`}>
              {t(k(m, "button"))}
            </Button>
          );
        })}
      </Group>
      <Modal opened={!!open} onClose={() => setOpen(null)} title={open ? t(k(open, "title")) : ""} centered>
        {open && (
          <Stack gap="md" component="form" onSubmit={(e) => (e.preventDefault(), submit(open))}>
            <Text size="sm">{t(k(open, "body"))}</Text>
            {open === "shipped" && (
              <Group gap="xs" align="flex-start" grow>
                <Select
                  label={t("shopAdmin.move.carrier")}
                  data={CARRIER_IDS.map((id) => ({ value: id, label: CARRIERS[id].name }))}
                  value={carrier}
                  onChange={(v) => v && setCarrier(v as CarrierId)}
                  allowDeselect={false}
                  data-testid="tracking-carrier"
                />
                <TextInput
                  label={t("shopAdmin.move.trackingNumber")}
                  value={trackingNumber}
                  onChange={(e) => setTrackingNumber(e.currentTarget.value)}
                  maxLength={64}
                  inputMode={CARRIERS[carrier].country === "KR" ? "numeric" : "text"}
                  data-autofocus
                  data-testid="tracking-number"
                />
              </Group>
            )}
            <Textarea label={t("shopAdmin.move.note")} description={t(k(open, "noteHint"))} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} data-autofocus={open !== "shipped" || undefined} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setOpen(null)}>
                {t("shopAdmin.cancel")}
              </Button>
              <Button type="submit" color={LOOK[open].color} loading={move.isPending} data-testid="move-confirm">
                {t(k(open, "confirm"))}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
