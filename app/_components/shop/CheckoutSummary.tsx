"use client";

import { Divider, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import { ItemThumb } from "./ItemThumb";
import { ShippingRuleNote } from "./ShippingRuleNote";
import type { Cart } from "./shopTypes";
import { SummaryRows } from "./SummaryRows";

/** What is being bought: each line, then subtotal, shipping to the chosen country, and the total. */
export function CheckoutSummary({ cart, shipping, shopCountry }: { cart: Cart; shipping: number; shopCountry: string }) {
  const { t, price, names } = useI18n();
  return (
    <Paper withBorder radius="lg" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="summary-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="summary-title">
          {t("shop.summary.title")}
        </Title>
        <Stack gap="sm">
          {cart.lines.map((line) => (
            <Group key={line.id} wrap="nowrap" gap="md" data-testid="summary-line">
              <ItemThumb url={line.imageUrl} size={56} count={line.quantity} />
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={600} lineClamp={1}>
                  {line.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {[line.color && names.color(line.color), line.size].filter(Boolean).join(" · ")}
                </Text>
              </Stack>
              <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                {line.unitPrice === null ? "—" : price(line.unitPrice * line.quantity, cart.currency)}
              </Text>
            </Group>
          ))}
        </Stack>
        <Divider />
        <SummaryRows subtotal={cart.subtotal} shipping={shipping} currency={cart.currency} />
        <ShippingRuleNote shopCountry={shopCountry} currency={cart.currency} size="xs" />
      </Stack>
    </Paper>
  );
}
