"use client";

import { ActionIcon, Badge, Box, Card, Group, Menu, Text } from "@mantine/core";
import { IconDots, IconPencil, IconTrash, IconUsers } from "@tabler/icons-react";
import Link from "next/link";
import type { Role } from "@/domain/canvas/roles";
import { useI18n } from "../../_i18n/I18nProvider";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { canvasColors } from "../ui/canvasColors";

type Canvas = { id: string; name: string; role: Role; memberCount: number; updatedAt: Date; coverUrl: string | null; onSale: boolean };

export function CanvasCard({ canvas, onRename, onDelete }: { canvas: Canvas; onRename: () => void; onDelete: () => void }) {
  const { t, date } = useI18n();
  const [from, to] = canvasColors(canvas.id);
  return (
    <Card withBorder padding={0} radius="lg" data-testid="canvas-card" style={{ overflow: "hidden" }}>
      <Link href={`/canvas/${canvas.id}`} aria-label={`${t("dashboard.open")} ${canvas.name}`} style={{ position: "relative", display: "block" }}>
        {canvas.coverUrl ? (
          // A small mockup of the design on its product, in its colour, rendered as the design changes.
          // The backdrop continues the mockup's studio wall at its edges, so the square picture has no seam in the wide card.
          <Box h={160} style={{ display: "flex", justifyContent: "center", background: "linear-gradient(180deg, rgb(218 215 215), rgb(200 198 194))" }}>
            {/* eslint-disable-next-line @next/next/no-img-element -- a private image route, revalidated per use */}
            <img src={canvas.coverUrl} alt={t("dashboard.coverAlt", { name: canvas.name })} height={160} width={160} style={{ objectFit: "contain" }} data-testid="canvas-cover" />
          </Box>
        ) : (
          <Box h={160} style={{ background: `linear-gradient(135deg, ${from}, ${to})` }} />
        )}
        {canvas.onSale && (
          <Badge color="teal" variant="filled" size="sm" style={{ position: "absolute", top: 10, left: 10 }} data-testid="canvas-on-sale">
            {t("dashboard.onSale")}
          </Badge>
        )}
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
