"use client";

import { Badge, Group } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import type { SystemStatus } from "./opsTypes";

/** Database, storage and workers: up or down, as /api/health reads them. */
export function PartBadges({ health }: { health: SystemStatus["health"] }) {
  const { t } = useI18n();
  const parts = [
    ["db", health.db],
    ["storage", health.storage],
    ["worker", health.worker],
  ] as const;
  return (
    <Group gap="xs" data-testid="status-parts">
      {parts.map(([part, up]) => (
        <Badge key={part} size="lg" radius="sm" variant="light" color={up ? "teal" : "red"} leftSection={<Dot up={up} />} data-part={part} data-up={up}>
          {t(`ops.part.${part}`)} · {t(up ? "ops.part.up" : "ops.part.down")}
        </Badge>
      ))}
    </Group>
  );
}

function Dot({ up }: { up: boolean }) {
  return <span style={{ display: "inline-block", width: 8, height: 8, borderRadius: 4, background: `var(--mantine-color-${up ? "teal" : "red"}-6)` }} />;
}
