"use client";

import { Chip, Group, ScrollArea, Stack, Text, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useState, type ReactNode } from "react";
import { ORDER_STATUSES, type OrderStatus } from "@/domain/shop/orderStatus";
import { useI18n } from "../../../_i18n/I18nProvider";
import { statusKey } from "./orderStatusView";

const ALL = "all";

export type OrderFilter = { status?: OrderStatus; email?: string };

/** The status chips (one row that scrolls on phones) and the customer's e-mail search (any part of it). */
export function OrderFilters({ value, onChange, actions }: { value: OrderFilter; onChange: (f: OrderFilter) => void; actions?: ReactNode }) {
  const { t } = useI18n();
  const [email, setEmail] = useState(value.email ?? "");
  useEffect(() => {
    const next = email.trim() || undefined;
    if (next === value.email) return;
    const timer = setTimeout(() => onChange({ ...value, email: next }), 300);
    return () => clearTimeout(timer);
  }, [email, value, onChange]);

  return (
    <Stack gap="sm">
      <div role="radiogroup" aria-labelledby="order-status-filter">
        <Text id="order-status-filter" size="sm" fw={500} mb={6}>
          {t("shopAdmin.orders.statusFilter")}
        </Text>
        <ScrollArea type="never" offsetScrollbars={false}>
          <Chip.Group value={value.status ?? ALL} onChange={(v) => onChange({ ...value, status: v === ALL ? undefined : (v as OrderStatus) })}>
            <Group gap={6} wrap="nowrap" pb={2}>
              {[ALL, ...ORDER_STATUSES].map((s) => (
                <Chip key={s} value={s} type="radio" size="sm" variant="outline" wrapperProps={{ "data-testid": `status-chip-${s}` }} styles={{ label: { whiteSpace: "nowrap" } }}>
                  {s === ALL ? t("shopAdmin.orders.all") : t(statusKey(s as OrderStatus))}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </ScrollArea>
      </div>
      <Group justify="space-between" align="flex-end" gap="sm">
        <TextInput
          label={t("shopAdmin.orders.email")}
          placeholder="name@example.com"
          type="search"
          leftSection={<IconSearch size={16} />}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          maw={{ base: "100%", sm: 360 }}
          data-testid="order-email-search"
          style={{ flex: 1 }}
        />
        {actions}
      </Group>
    </Stack>
  );
}
