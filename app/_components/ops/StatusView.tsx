"use client";

import { Alert, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { DevicesCard } from "./DevicesCard";
import { FailuresCard } from "./FailuresCard";
import { PartBadges } from "./PartBadges";
import { QueueCard } from "./QueueCard";
import { TasksTable } from "./TasksTable";
import { WorkersTable } from "./WorkersTable";

const REFRESH_MS = 5000;

/** The status page: parts up or down, both queues, the workers, devices and recent failures, refreshed every few seconds. */
export function StatusView() {
  const { t, date } = useI18n();
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.ops.status.queryOptions(), refetchInterval: REFRESH_MS });
  if (status.isError && !status.data)
    return (
      <Alert color="red" icon={<IconAlertCircle size={18} />}>
        {errorMessage(status.error, t)}
      </Alert>
    );
  if (!status.data) return <Skeleton h={420} radius="lg" />;
  const s = status.data;
  return (
    <Stack gap="lg" data-testid="status-page">
      <Group justify="space-between" align="center">
        <Stack gap={2}>
          <Title order={2} size="h3">
            {t("ops.title")}
          </Title>
          <Text size="xs" c="dimmed" data-testid="status-checked">
            {t("ops.checked", { time: date(s.checkedAt, "time") })}
          </Text>
        </Stack>
        <PartBadges health={s.health} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {s.queues.map((q) => (
          <QueueCard key={q.queue} queue={q} />
        ))}
      </SimpleGrid>
      <TasksTable queues={s.queues} />
      <WorkersTable workers={s.workers} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <DevicesCard devices={s.devices} />
        <FailuresCard failures={s.failures} />
      </SimpleGrid>
    </Stack>
  );
}
