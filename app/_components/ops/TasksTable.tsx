"use client";

import { Table, Text } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import { QueueBadge } from "./QueueBadge";
import { StatusCard } from "./StatusCard";
import type { QueueStatus } from "./opsTypes";
import { ScrollTable } from "./ScrollTable";
import { seconds } from "./seconds";

const NOWRAP = { whiteSpace: "nowrap" } as const;
type Timing = { p50: number | null; p95: number | null };
const pair = (p: Timing) => `${seconds(p.p50)} / ${seconds(p.p95)}`;

/** Every task that has jobs now or ran in the last hour, by queue: its jobs now and its timings. */
export function TasksTable({ queues }: { queues: QueueStatus[] }) {
  const { t } = useI18n();
  const tasks = queues.flatMap((q) => q.tasks.map((task) => ({ ...task, queue: q.queue })));
  return (
    <StatusCard testId="status-tasks" title={t("ops.tasks.title")} empty={tasks.length === 0 ? t("ops.tasks.none") : null}>
      <ScrollTable minWidth={760} label={t("ops.tasks.title")}>
        <Table verticalSpacing={6} fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("ops.task")}</Table.Th>
              <Table.Th>{t("ops.workers.queue")}</Table.Th>
              <Table.Th ta="right">{t("ops.col.waiting")}</Table.Th>
              <Table.Th ta="right">{t("ops.col.running")}</Table.Th>
              <Table.Th style={NOWRAP}>{t("ops.timing.wait")} p50 / p95</Table.Th>
              <Table.Th style={NOWRAP}>{t("ops.timing.run")} p50 / p95</Table.Th>
              <Table.Th ta="right">{t("ops.col.done")}</Table.Th>
              <Table.Th ta="right">{t("ops.col.failed")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => (
              <Table.Tr key={task.task} data-task={task.task}>
                <Table.Td ff="monospace">{task.task}</Table.Td>
                <Table.Td>
                  <QueueBadge queue={task.queue} />
                </Table.Td>
                <Table.Td ta="right">{task.waiting}</Table.Td>
                <Table.Td ta="right">{task.running}</Table.Td>
                <Table.Td c="dimmed" style={NOWRAP}>
                  {pair(task.waitS)}
                </Table.Td>
                <Table.Td c="dimmed" style={NOWRAP}>
                  {pair(task.runS)}
                </Table.Td>
                <Table.Td ta="right">{task.finished}</Table.Td>
                <Table.Td ta="right" c={task.failed ? "red" : undefined} fw={task.failed ? 700 : undefined}>
                  {task.failed}
                  {task.dead > 0 && (
                    <Text span size="xs" c="red" ml={4}>
                      ({t("ops.queue.dead", { count: task.dead })})
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </StatusCard>
  );
}
