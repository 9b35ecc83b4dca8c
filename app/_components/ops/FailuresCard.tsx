"use client";

import { Badge, Group, Stack, Text } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import { StatusCard } from "./StatusCard";
import type { Failure } from "./opsTypes";

/** The last day's failed jobs and generations, newest first, with whether they will be tried again. */
export function FailuresCard({ failures }: { failures: Failure[] }) {
  const { t, date } = useI18n();
  return (
    <StatusCard testId="status-failures" title={t("ops.failures.title")} empty={failures.length === 0 ? t("ops.failures.none") : null}>
      <Stack gap={0}>
        {failures.map((f, i) => (
          <Stack key={`${f.kind}:${f.ref}:${f.attempt ?? ""}:${i}`} gap={2} py="xs" style={{ borderTop: i ? "1px solid var(--mantine-color-gray-2)" : undefined }} data-testid="failure">
            <Group gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                {date(f.at, "short")}
              </Text>
              <Text size="sm" ff="monospace" fw={600}>
                {f.kind === "generation" ? t("ops.failures.generation") : f.task}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {f.ref}
                {f.attempt !== null && ` · ${t("ops.failures.attempt", { attempt: f.attempt })}`}
              </Text>
              <Badge size="xs" variant="light" color={f.final ? "red" : "yellow"} ml="auto" style={{ flexShrink: 0 }}>
                {t(f.final ? "ops.failures.final" : "ops.failures.retry")}
              </Badge>
            </Group>
            <Text size="sm" c="red.8" style={{ overflowWrap: "anywhere" }}>
              {f.error || "—"}
            </Text>
          </Stack>
        ))}
      </Stack>
    </StatusCard>
  );
}
