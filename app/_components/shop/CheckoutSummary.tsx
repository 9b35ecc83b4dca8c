"use client";

import { Divider, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { ItemThumb } from "./ItemThumb";
import { ShippingRuleNote } from "./ShippingRuleNote";
import type { Cart } from "./shopTypes";
import { SummaryRows } from "./SummaryRows";

type Quote = { subtotal: number; discount: number; discountCode: string | null; shipping: number; taxAtPayment: boolean };

/**
 * What is being bought: each line, the discount code field (`children`), then subtotal, discount,
 * shipping to the chosen country and the total as the server priced them (`quote`; null while it does).
 */
export function CheckoutSummary({ cart, quote, children }: { cart: Cart; quote: Quote | null; children?: ReactNode }) {
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
        {children}
        <SummaryRows
          subtotal={cart.subtotal}
          discount={quote?.discountCode ? { amount: quote.discount, code: quote.discountCode } : null}
          shipping={quote ? quote.shipping : null}
          salesTax={quote?.taxAtPayment ? "atPayment" : null}
          currency={cart.currency}
        />
        <ShippingRuleNote currency={cart.currency} size="xs" />
      </Stack>
    </Paper>
  );
}
