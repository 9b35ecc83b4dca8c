"use client";

import { Avatar, Badge, Box, Button, Group, Menu, Skeleton, Stack, Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconChevronDown, IconUserMinus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ROLES, type Role } from "@/domain/canvas/roles";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { initials } from "../ui/initials";


export function MembersPanel({ canvasId, myRole, myId }: { canvasId: string; myRole: Role; myId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.canvas.members.queryOptions({ canvasId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.canvas.pathKey() });
  const onError = (e: unknown) => notifications.show({ color: "red", title: t("common.error"), message: errorMessage(e, t) });
  const setRole = useMutation(
    trpc.canvas.setRole.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("canvas.roleChanged") });
        void refresh();
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.canvas.removeMember.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("canvas.removed") });
        void refresh();
      },
      onError,
    }),
  );
  const roles = [...ROLES].reverse();

  if (members.isPending) return <Stack>{[0, 1, 2].map((i) => <Skeleton key={i} h={44} />)}</Stack>;
  if (members.isError) return <Text c="red" size="sm">{errorMessage(members.error, t)}</Text>;

  return (
    <Stack gap="sm" data-testid="members-panel">
      {members.data.map((m) => (
        <Group key={m.userId} wrap="nowrap" gap="sm" data-testid="member-row">
          <Avatar color="violet" radius="xl" size={36}>
            {initials(m.name)}
          </Avatar>
          <Box miw={0} style={{ flex: 1 }}>
            <Text size="sm" fw={600} truncate>
              {m.name} {m.userId === myId && <Text span c="dimmed" size="xs">({t("canvas.you")})</Text>}
            </Text>
            {m.email && (
              <Text size="xs" c="dimmed" truncate>
                {m.email}
              </Text>
            )}
          </Box>
          {myRole === "owner" ? (
            <Menu position="bottom-end" width={240} withinPortal>
              <Menu.Target>
                <Button variant="subtle" color="gray" size="compact-sm" rightSection={<IconChevronDown size={14} />} aria-label={`${m.name} role`}>
                  {t(`role.${m.role}` as MessageKey)}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {roles.map((r) => (
                  <Menu.Item
                    key={r}
                    leftSection={r === m.role ? <IconCheck size={14} /> : <Box w={14} />}
                    onClick={() => r !== m.role && setRole.mutate({ canvasId, userId: m.userId, role: r })}
                  >
                    <Text size="sm" fw={600}>
                      {t(`role.${r}` as MessageKey)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`role.help.${r}` as MessageKey)}
                    </Text>
                  </Menu.Item>
                ))}
                <Menu.Divider />
                <Menu.Item
                  c="red" // not color: that paints the raw red-6, 3.3:1 on white
                  leftSection={<IconUserMinus size={14} />}
                  onClick={() =>
                    modals.openConfirmModal({
                      title: t("canvas.removeTitle", { name: m.name }),
                      children: <Text size="sm">{t("canvas.removeBody")}</Text>,
                      labels: { confirm: t("canvas.remove"), cancel: t("dashboard.cancel") },
                      confirmProps: { color: "red" },
                      onConfirm: () => remove.mutate({ canvasId, userId: m.userId }),
                    })
                  }
                >
                  {t("canvas.remove")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : (
            <Badge variant="light" color={m.role === "owner" ? "violet" : m.role === "editor" ? "blue" : "gray"}>
              {t(`role.${m.role}` as MessageKey)}
            </Badge>
          )}
        </Group>
      ))}
    </Stack>
  );
}
