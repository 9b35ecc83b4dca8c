"use client";

import { ActionIcon, Badge, Box, Card, Group, Menu, Text } from "@mantine/core";
import { IconDots, IconPencil, IconTrash, IconUsers } from "@tabler/icons-react";
import Link from "next/link";
import type { Role } from "@/domain/canvas/roles";
import { useI18n } from "../../_i18n/I18nProvider";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { canvasColors } from "../ui/canvasColors";

type Canvas = { id: string; name: string; role: Role; memberCount: number; updatedAt: Date };

export function CanvasCard({ canvas, onRename, onDelete }: { canvas: Canvas; onRename: () => void; onDelete: () => void }) {
  const { t, date } = useI18n();
  const [from, to] = canvasColors(canvas.id);
  return (
    <Card withBorder padding={0} radius="lg" data-testid="canvas-card" style={{ overflow: "hidden" }}>
      <Link href={`/canvas/${canvas.id}`} aria-label={`${t("dashboard.open")} ${canvas.name}`}>
        <Box h={120} style={{ background: `linear-gradient(135deg, ${from}, ${to})` }} />
      </Link>
      <Group justify="space-between" wrap="nowrap" p="md" gap="xs" align="flex-start">
        <Box miw={0}>
          <Text component={Link} href={`/canvas/${canvas.id}`} fw={700} truncate display="block" style={{ textDecoration: "none" }}>
            {canvas.name}
          </Text>
          <Group gap={8} mt={6}>
            <Badge size="sm" variant="light" color={canvas.role === "owner" ? "violet" : canvas.role === "editor" ? "blue" : "gray"}>
              {t(`role.${canvas.role}` as MessageKey)}
            </Badge>
            <Group gap={4} c="dimmed">
              <IconUsers size={14} />
              <Text size="xs">{t("dashboard.members", { count: canvas.memberCount })}</Text>
            </Group>
          </Group>
          <Text size="xs" c="dimmed" mt={6}>
            {t("dashboard.updated", { date: date(canvas.updatedAt) })}
          </Text>
        </Box>
        {canvas.role !== "viewer" && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`${canvas.name} menu`}>
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={onRename}>
                {t("dashboard.rename")}
              </Menu.Item>
              {/* c, not color: Menu.Item's color paints the raw red-6 (3.3:1 on white); c takes the theme's readable red. */}
              {canvas.role === "owner" && (
                <Menu.Item c="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
                  {t("dashboard.delete")}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Card>
  );
}
