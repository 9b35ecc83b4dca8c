"use client";

import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useI18n } from "../../_i18n/I18nProvider";
import type { QueueStatus } from "./opsTypes";
import { seconds } from "./seconds";

/** One queue: what waits and runs now, who serves it, and the last hour's wait and run timings by task. */
export function QueueCard({ queue }: { queue: QueueStatus }) {
  const { t } = useI18n();
  const timing = (p: { p50: number | null; p95: number | null }) => t("ops.timing.p50p95", { p50: seconds(p.p50), p95: seconds(p.p95) });
  return (
    <Card withBorder radius="lg" p="lg" data-testid={`queue-${queue.queue}`}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4">
            {t(`ops.queue.${queue.queue}`)}
          </Title>
          <Text size="sm" c="dimmed">
            {t("ops.queue.slots", { workers: queue.workers, slots: queue.slots })}
          </Text>
        </Group>
        <Group gap="xl">
          <Figure value={queue.waiting} label={t("ops.queue.waiting")} testId="waiting" />
          <Figure value={queue.running} label={t("ops.queue.running")} testId="running" />
          <Stack gap={2}>
            {queue.oldestWaitS !== null && <Text size="sm">{t("ops.queue.oldest", { wait: seconds(queue.oldestWaitS) })}</Text>}
            {queue.scheduled > 0 && <Text size="sm" c="dimmed">{t("ops.queue.scheduled", { count: queue.scheduled })}</Text>}
            {queue.dead > 0 && (
              <Badge color="red" variant="light">
                {t("ops.queue.dead", { count: queue.dead })}
              </Badge>
            )}
          </Stack>
        </Group>
        {queue.workers === 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
            <Text size="sm">{t("ops.queue.noWorker")}</Text>
          </Alert>
        )}
        <SimpleGrid cols={2} spacing="sm">
          <Timing label={t("ops.timing.wait")} value={timing(queue.waitS)} />
          <Timing label={t("ops.timing.run")} value={timing(queue.runS)} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t("ops.timing.lastHour", { finished: queue.finished, failed: queue.failed })}
        </Text>
        {queue.tasks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("ops.tasks.none")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={6} fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("ops.task")}</Table.Th>
                  <Table.Th ta="right">{t("ops.queue.waiting")}</Table.Th>
                  <Table.Th ta="right">{t("ops.queue.running")}</Table.Th>
                  <Table.Th>{t("ops.timing.wait")}</Table.Th>
                  <Table.Th>{t("ops.timing.run")}</Table.Th>
                  <Table.Th ta="right">✓ / ✗</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.tasks.map((task) => (
                  <Table.Tr key={task.task} data-task={task.task}>
                    <Table.Td ff="monospace">{task.task}</Table.Td>
                    <Table.Td ta="right">{task.waiting}</Table.Td>
                    <Table.Td ta="right">{task.running}</Table.Td>
                    <Table.Td c="dimmed">{timing(task.waitS)}</Table.Td>
                    <Table.Td c="dimmed">{timing(task.runS)}</Table.Td>
                    <Table.Td ta="right">
                      {task.finished} / <Text span c={task.failed ? "red" : undefined} size="sm">{task.failed}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

function Figure({ value, label, testId }: { value: number; label: string; testId: string }) {
  return (
    <Stack gap={0} align="flex-start">
      <Text fz={32} fw={700} lh={1.1} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
    </Stack>
  );
}

function Timing({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder radius="md" p="xs" bg="gray.0">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </Card>
  );
}
