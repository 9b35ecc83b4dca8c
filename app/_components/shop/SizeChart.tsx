"use client";

import { Accordion, Table, Text } from "@mantine/core";
import { IconRuler } from "@tabler/icons-react";
import { inches, type SizeRow } from "@/domain/catalog/sizeCharts";
import { useI18n } from "../../_i18n/I18nProvider";

/** The garment's measurements per size, laid flat; in inches too for English readers. */
export function SizeChart({ rows }: { rows: SizeRow[] }) {
  const { t, locale } = useI18n();
  const both = locale === "en";
  const cell = (cm: number) => (both ? `${cm} cm · ${inches(cm)} in` : `${cm} cm`);
  return (
    <Accordion variant="contained" radius="md" chevronPosition="right" data-testid="size-chart">
      <Accordion.Item value="sizes">
        <Accordion.Control icon={<IconRuler size={18} stroke={1.6} />}>
          <Text size="sm" fw={600}>
            {t("shop.sizeChart.title")}
          </Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Table striped withRowBorders={false} fz="sm" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("shop.product.size")}</Table.Th>
                <Table.Th>{t("shop.sizeChart.chest")}</Table.Th>
                <Table.Th>{t("shop.sizeChart.length")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.size}>
                  <Table.Td fw={600}>{r.size}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: "tabular-nums" }}>{cell(r.chestCm)}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: "tabular-nums" }}>{cell(r.lengthCm)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">
            {t("shop.sizeChart.note")}
          </Text>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
