"use client";

import { Badge, Box } from "@mantine/core";
import { useI18n } from "../../../_i18n/I18nProvider";
import type { ConnectionStatus } from "../collab/useCollaboration";

const COLORS: Record<ConnectionStatus, string> = { connected: "teal", connecting: "yellow", offline: "orange", revoked: "red", deleted: "red" };

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useI18n();
  const color = COLORS[status];
  return (
    <Badge color={color} variant="light" size="lg" radius="md" data-testid="connection-status" data-status={status} leftSection={<Box w={8} h={8} bg={`${color}.6`} style={{ borderRadius: 4 }} />}>
      {t(`editor.status.${status}`)}
    </Badge>
  );
}
