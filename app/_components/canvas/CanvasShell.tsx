"use client";

import { ActionIcon, Avatar, Badge, Box, Button, Drawer, Group, Title, Tooltip, UnstyledButton } from "@mantine/core";
import { IconArrowLeft, IconEye, IconPencil, IconShare, IconTrash, IconUsers } from "@tabler/icons-react";
import { useMediaQuery } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { Role } from "@/domain/canvas/roles";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";
import { useCanvasDialogs } from "../dashboard/useCanvasDialogs";
import { initials } from "../ui/initials";
import { UserMenu } from "../ui/UserMenu";
import { InviteDialog } from "./InviteDialog";
import { MembersPanel } from "./MembersPanel";

// Konva needs the browser: the editor loads on the client only.
const DesignEditor = dynamic(() => import("../goods/DesignEditor"), { ssr: false });

type Canvas = { id: string; name: string; role: Role; product: { productId: string; variantId: string } | null; createdAt: Date; updatedAt: Date };
type User = { id: string; name: string; email: string };

/** The canvas page: top bar, the artboard area, and the members panel. */
export function CanvasShell({ initial, user }: { initial: Canvas; user: User }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const canvas = useQuery({ ...trpc.canvas.get.queryOptions({ id: initial.id }), initialData: initial });
  const members = useQuery(trpc.canvas.members.queryOptions({ canvasId: initial.id }));
  const [sharing, setSharing] = useState(false);
  const [membersOpen, setMembersOpen] = useState(false);
  // On a phone the header keeps the name readable: Share is its icon alone.
  const narrow = useMediaQuery("(max-width: 48em)") ?? false;
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
          <Tooltip label={t("canvas.members")}>
            <UnstyledButton onClick={() => setMembersOpen(true)} aria-label={t("canvas.members")} data-testid="open-members">
              <Group gap={6} wrap="nowrap">
                <Avatar.Group>
                  {members.data?.slice(0, 4).map((m) => (
                    <Avatar key={m.userId} radius="xl" size={30} color="violet">
                      {initials(m.name)}
                    </Avatar>
                  ))}
                </Avatar.Group>
                <IconUsers size={18} color="var(--mantine-color-gray-6)" />
              </Group>
            </UnstyledButton>
          </Tooltip>
          {c.role === "owner" && (
            <Tooltip label={t("dashboard.delete")}>
              <ActionIcon variant="subtle" color="red" aria-label={t("dashboard.delete")} onClick={() => openDelete(c, () => window.location.assign("/dashboard"))}>
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          {canEdit && (
            <Button size="xs" leftSection={narrow ? undefined : <IconShare size={16} />} onClick={() => setSharing(true)} aria-label={t("canvas.share")}>
              {narrow ? <IconShare size={16} /> : t("canvas.share")}
            </Button>
          )}
          <UserMenu user={user} />
        </Group>
      </Group>
      <Box style={{ minHeight: 0 }}>
        <DesignEditor canvasId={c.id} canvasName={c.name} me={{ id: user.id, role: c.role }} />
      </Box>
      <Drawer opened={membersOpen} onClose={() => setMembersOpen(false)} position="right" title={t("canvas.members")}>
        <MembersPanel canvasId={c.id} myRole={c.role} myId={user.id} />
      </Drawer>
      {canEdit && <InviteDialog canvasId={c.id} canvasName={c.name} myRole={c.role} opened={sharing} onClose={() => setSharing(false)} />}
    </Box>
  );
}
