"use client";

import { Badge, Table, Text } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import { QueueBadge } from "./QueueBadge";
import { StatusCard } from "./StatusCard";
import { ScrollTable } from "./ScrollTable";
import type { WorkerStatus } from "./opsTypes";

/** Every queue runner that has reported, alive or gone silent. */
export function WorkersTable({ workers }: { workers: WorkerStatus[] }) {
  const { t, date } = useI18n();
  return (
    <StatusCard testId="status-workers" title={t("ops.workers.title")} empty={workers.length === 0 ? t("ops.workers.none") : null}>
      <ScrollTable minWidth={860} label={t("ops.workers.title")}>
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("ops.workers.id")}</Table.Th>
              <Table.Th>{t("ops.workers.host")}</Table.Th>
              <Table.Th>{t("ops.workers.queue")}</Table.Th>
              <Table.Th ta="right">{t("ops.workers.concurrency")}</Table.Th>
              <Table.Th ta="right">{t("ops.workers.running")}</Table.Th>
              <Table.Th>{t("ops.workers.device")}</Table.Th>
              <Table.Th>{t("ops.workers.since")}</Table.Th>
              <Table.Th>{t("ops.workers.lastSeen")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {workers.map((w) => (
              <Table.Tr key={w.workerId} data-worker={w.workerId} data-alive={w.alive} style={{ opacity: w.alive ? 1 : 0.6 }}>
                <Table.Td>
                  <Badge size="xs" variant="dot" color={w.alive ? "teal" : "red"} mr={6}>
                    {t(w.alive ? "ops.workers.alive" : "ops.workers.stale")}
                  </Badge>
                  <Text span ff="monospace" size="xs" title={w.workerId}>
                    {w.workerId.slice(0, 12)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {w.hostname}
                  {w.pid !== null && <Text span c="dimmed" size="sm"> · {w.pid}</Text>}
                </Table.Td>
                <Table.Td>
                  <QueueBadge queue={w.queue} />
                </Table.Td>
                <Table.Td ta="right">{w.concurrency}</Table.Td>
                <Table.Td ta="right" fw={w.running ? 700 : undefined}>
                  {w.running}
                </Table.Td>
                <Table.Td>{w.device ? `${w.device}${w.model ? ` · ${w.model}` : ""}` : "—"}</Table.Td>
                <Table.Td c="dimmed">{date(w.startedAt, "time")}</Table.Td>
                <Table.Td c="dimmed">{date(w.lastSeenAt, "time")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </StatusCard>
  );
}
