"use client";

import { Button, Checkbox, Group, Modal, NumberInput, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconReceiptRefund } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { lineRefundAmount } from "@/domain/shop/refunds";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import type { Order } from "../shopTypes";

/** Statuses in which the shop holds the buyer's money (the server checks the same). */
const REFUNDABLE = new Set(["paid", "in_production", "shipped", "delivered"]);

/**
 * "Refund items…": choose how many units of each line go back and whether the shipping does, see
 * the amount (the server's own arithmetic), give the buyer a reason, and refund through the provider.
 */
export function RefundItems({ order }: { order: Order }) {
  const { t, price, names } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [units, setUnits] = useState<Record<string, number>>({});
  const [shipping, setShipping] = useState(false);
  const [reason, setReason] = useState("");
  const refund = useMutation(
    trpc.order.refund.mutationOptions({
      onSuccess: ({ amount }) => {
        notifications.show({ color: "teal", message: t("shopAdmin.refund.done", { amount: price(amount, order.currency) }) });
        setOpen(false);
        void queryClient.invalidateQueries({ queryKey: trpc.order.get.queryKey({ id: order.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.order.list.queryKey() });
      },
    }),
  );
  const shippingLeft = order.shipping - order.refundedShipping;
  if (!REFUNDABLE.has(order.status) || order.refunded >= order.total) return null;

  const lines = order.lines.filter((l) => l.quantity > l.refundedQuantity);
  const amount = lines.reduce((sum, l) => sum + (units[l.id] ? lineRefundAmount(l, units[l.id]!) : 0), 0) + (shipping ? shippingLeft : 0);
  const start = () => {
    setUnits({});
    setShipping(false);
    setReason("");
    refund.reset();
    setOpen(true);
  };
  const submit = () =>
    refund.mutate({
      id: order.id,
      lines: Object.entries(units)
        .filter(([, q]) => q > 0)
        .map(([lineId, quantity]) => ({ lineId, quantity })),
      shipping,
      reason: reason.trim(),
    });

  return (
    <>
      <Button variant="default" color="red" leftSection={<IconReceiptRefund size={16} />} onClick={start}>
        {t("shopAdmin.refund.open")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("shopAdmin.refund.title")} centered size="lg">
        <Stack gap="md">
          {lines.map((l) => (
            <Group key={l.id} justify="space-between" wrap="nowrap" gap="md" data-testid="refund-line">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} lineClamp={1}>
                  {l.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {[l.color && names.color(l.color), l.size].filter(Boolean).join(" · ")} · {t("shopAdmin.refund.left", { count: l.quantity - l.refundedQuantity })}
                </Text>
              </Stack>
              <NumberInput
                w={96}
                min={0}
                max={l.quantity - l.refundedQuantity}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                value={units[l.id] ?? 0}
                onChange={(v) => setUnits((u) => ({ ...u, [l.id]: Number(v) || 0 }))}
                aria-label={t("shopAdmin.refund.units", { title: l.title })}
              />
            </Group>
          ))}
          {shippingLeft > 0 && <Checkbox label={t("shopAdmin.refund.shipping", { amount: price(shippingLeft, order.currency) })} checked={shipping} onChange={(e) => setShipping(e.currentTarget.checked)} />}
          <Textarea label={t("shopAdmin.refund.reason")} description={t("shopAdmin.refund.reasonHint")} withAsterisk autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          {refund.error && (
            <Text size="sm" c="red" role="alert">
              {errorMessage(refund.error, t)}
            </Text>
          )}
          <Group justify="space-between">
            <Text fw={700} data-testid="refund-amount">
              {t("shopAdmin.refund.amount", { amount: price(amount, order.currency) })}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t("shopAdmin.cancel")}
              </Button>
              <Button color="red" onClick={submit} loading={refund.isPending} disabled={amount <= 0 || !reason.trim()}>
                {t("shopAdmin.refund.submit", { amount: price(amount, order.currency) })}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
