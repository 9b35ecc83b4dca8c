"use client";

import { ActionIcon, Avatar, Badge, Box, Button, Drawer, Group, Stack, Text, ThemeIcon, Title, Tooltip } from "@mantine/core";
import { IconArrowLeft, IconEye, IconPencil, IconShare, IconSparkles, IconTrash, IconUsers } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { MessageKey } from "../../_i18n/en";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";
import { useCanvasDialogs } from "../dashboard/useCanvasDialogs";
import { initials } from "../ui/initials";
import { UserMenu } from "../ui/UserMenu";
import { InviteDialog } from "./InviteDialog";
import { MembersPanel } from "./MembersPanel";

type Canvas = { id: string; name: string; role: "owner" | "editor" | "viewer" };
type User = { id: string; name: string; email: string };

/** The canvas page: top bar, the artboard area, and the members panel. */
export function CanvasShell({ initial, user }: { initial: Canvas; user: User }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const canvas = useQuery({ ...trpc.canvas.get.queryOptions({ id: initial.id }), initialData: { ...initial, createdAt: new Date(), updatedAt: new Date() } });
  const members = useQuery(trpc.canvas.members.queryOptions({ canvasId: initial.id }));
  const [sharing, setSharing] = useState(false);
  const [membersOpen, setMembersOpen] = useState(false);
  const { openRename, openDelete } = useCanvasDialogs();
  const c = canvas.data;
  const canEdit = c.role !== "viewer";

  return (
    <Box h="100dvh" style={{ display: "grid", gridTemplateRows: "56px 1fr" }}>
      <Group component="header" px="md" justify="space-between" wrap="nowrap" bg="white" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}>
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Tooltip label={t("canvas.back")}>
            <ActionIcon component={Link} href="/dashboard" variant="subtle" color="gray" aria-label={t("canvas.back")}>
              <IconArrowLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Title order={4} lineClamp={1} data-testid="canvas-name">
            {c.name}
          </Title>
          {canEdit && (
            <Tooltip label={t("dashboard.rename")}>
              <ActionIcon variant="subtle" color="gray" aria-label={t("dashboard.rename")} onClick={() => openRename(c)}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          {!canEdit && (
            <Badge color="gray" variant="light" leftSection={<IconEye size={12} />}>
              {t("canvas.readOnly")}
            </Badge>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Avatar.Group visibleFrom="sm">
            {members.data?.slice(0, 4).map((m) => (
              <Tooltip key={m.userId} label={`${m.name} · ${t(`role.${m.role}` as MessageKey)}`}>
                <Avatar radius="xl" size={30} color="violet">
                  {initials(m.name)}
                </Avatar>
              </Tooltip>
            ))}
          </Avatar.Group>
          <ActionIcon hiddenFrom="sm" variant="subtle" color="gray" aria-label={t("canvas.members")} onClick={() => setMembersOpen(true)}>
            <IconUsers size={18} />
          </ActionIcon>
          {c.role === "owner" && (
            <Tooltip label={t("dashboard.delete")}>
              <ActionIcon variant="subtle" color="red" aria-label={t("dashboard.delete")} onClick={() => openDelete(c, () => window.location.assign("/dashboard"))}>
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          {canEdit && (
            <Button size="xs" leftSection={<IconShare size={16} />} onClick={() => setSharing(true)}>
              {t("canvas.share")}
            </Button>
          )}
          <UserMenu user={user} />
        </Group>
      </Group>
      <Box style={{ display: "grid", gridTemplateColumns: "1fr auto", minHeight: 0 }}>
        <Box
          style={{
            backgroundColor: "var(--mantine-color-gray-1)",
            backgroundImage: "radial-gradient(var(--mantine-color-gray-4) 1px, transparent 1px)",
            backgroundSize: "20px 20px",
            display: "grid",
            placeItems: "center",
            padding: 24,
            minWidth: 0,
          }}
        >
          <Box bg="white" w="min(560px, 100%)" style={{ aspectRatio: "1 / 1", borderRadius: 8, boxShadow: "0 8px 30px rgba(0,0,0,.08)", display: "grid", placeItems: "center" }}>
            <Stack align="center" gap={6} p="lg" maw={320}>
              <ThemeIcon variant="light" size={48} radius="xl">
                <IconSparkles size={26} />
              </ThemeIcon>
              <Text fw={600}>{t("canvas.emptyArtboard")}</Text>
              <Text size="sm" c="dimmed" ta="center">
                {t("canvas.emptyArtboardHint")}
              </Text>
            </Stack>
          </Box>
        </Box>
        <Box component="aside" w={{ base: 0, sm: 320 }} visibleFrom="sm" bg="white" p="md" style={{ borderLeft: "1px solid var(--mantine-color-gray-2)", overflowY: "auto" }}>
          <Text fw={700} mb="sm">
            {t("canvas.members")}
          </Text>
          <MembersPanel canvasId={c.id} myRole={c.role} myId={user.id} />
        </Box>
      </Box>
      <Drawer opened={membersOpen} onClose={() => setMembersOpen(false)} position="right" title={t("canvas.members")} hiddenFrom="sm">
        <MembersPanel canvasId={c.id} myRole={c.role} myId={user.id} />
      </Drawer>
      {canEdit && <InviteDialog canvasId={c.id} canvasName={c.name} myRole={c.role} opened={sharing} onClose={() => setSharing(false)} />}
    </Box>
  );
}
