"use client";

import { Table } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import { StatusCard } from "./StatusCard";
import { ScrollTable } from "./ScrollTable";
import type { SystemStatus } from "./opsTypes";
import { seconds } from "./seconds";

/** The devices generations ran on in the last hour, with their model and time per step. */
export function DevicesCard({ devices }: { devices: SystemStatus["devices"] }) {
  const { t } = useI18n();
  return (
    <StatusCard testId="status-devices" title={t("ops.devices.title")} empty={devices.length === 0 ? t("ops.devices.none") : null}>
      <ScrollTable minWidth={300} label={t("ops.devices.title")}>
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("ops.devices.device")}</Table.Th>
              <Table.Th>{t("ops.devices.model")}</Table.Th>
              <Table.Th ta="right">{t("ops.devices.generations")}</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: "nowrap" }}>{t("ops.devices.step")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {devices.map((d) => (
              <Table.Tr key={`${d.device}:${d.model}`}>
                <Table.Td fw={600}>{d.device}</Table.Td>
                <Table.Td ff="monospace">{d.model || "—"}</Table.Td>
                <Table.Td ta="right">{d.generations}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>{seconds(d.stepS)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </StatusCard>
  );
}
