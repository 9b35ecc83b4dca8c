"use client";

import { Paper, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { TEST_CARDS, TEST_VERIFICATION_CODE } from "@/server/services/shop/payments/testCards";
import { useI18n } from "../../_i18n/I18nProvider";
import { formatCardNumber } from "./cardNumber";

/** The test provider's cards and what each does; clicking a number puts it in the card field. */
export function TestCardHints({ onUse }: { onUse: (card: string) => void }) {
  const { t } = useI18n();
  const rows = [
    { card: TEST_CARDS.approved, what: t("shop.pay.hint.approved") },
    { card: TEST_CARDS.declined, what: t("shop.pay.hint.declined") },
    { card: TEST_CARDS.needsVerification, what: t("shop.pay.hint.verify", { code: TEST_VERIFICATION_CODE }) },
  ];
  return (
    <Paper radius="md" p="sm" bg="orange.0" style={{ border: "1px dashed var(--mantine-color-orange-4)" }} data-testid="test-card-hints">
      <Stack gap={6}>
        <Text size="xs" fw={700} tt="uppercase" c="var(--mantine-color-orange-light-color)" style={{ letterSpacing: 0.5 }}>
          {t("shop.pay.hintsTitle")}
        </Text>
        <Table verticalSpacing={4} horizontalSpacing={0} withRowBorders={false}>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.card}>
                <Table.Td pr="md" style={{ whiteSpace: "nowrap", width: 1 }}>
                  <UnstyledButton onClick={() => onUse(r.card)} ff="monospace" fz="sm" fw={600} c="dark" td="underline" aria-label={t("shop.pay.useCard", { card: formatCardNumber(r.card) })}>
                    {formatCardNumber(r.card)}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.what}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t("shop.pay.hint.other")}
        </Text>
      </Stack>
    </Paper>
  );
}
