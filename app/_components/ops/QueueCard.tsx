"use client";

import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useI18n } from "../../_i18n/I18nProvider";
import type { QueueStatus } from "./opsTypes";
import { seconds } from "./seconds";

type Timing = { p50: number | null; p95: number | null };
const NOWRAP = { whiteSpace: "nowrap" } as const;

/** One queue: what waits and runs now, who serves it, and the last hour's wait and run timings. */
export function QueueCard({ queue }: { queue: QueueStatus }) {
  const { t } = useI18n();
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
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TimingBox label={t("ops.timing.wait")} timing={queue.waitS} />
          <TimingBox label={t("ops.timing.run")} timing={queue.runS} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t("ops.timing.lastHour", { finished: queue.finished, failed: queue.failed })}
        </Text>
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

/** p50 and p95 of one timing, side by side, each with its label. */
function TimingBox({ label, timing }: { label: string; timing: Timing }) {
  return (
    <Card withBorder radius="md" p="xs" bg="gray.0">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Group gap="md" wrap="nowrap">
        {(["p50", "p95"] as const).map((q) => (
          <Text key={q} size="sm" fw={600} style={NOWRAP}>
            {seconds(timing[q])}{" "}
            <Text span size="xs" c="dimmed" fw={400}>
              {q}
            </Text>
          </Text>
        ))}
      </Group>
    </Card>
  );
}
