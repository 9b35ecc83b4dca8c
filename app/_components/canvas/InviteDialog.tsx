"use client";

import { ActionIcon, Alert, Badge, Button, CopyButton, Divider, Group, Modal, Select, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconCopy, IconLink, IconX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ROLES, type Role } from "@/domain/canvas/roles";
import { useState } from "react";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";

const EXPIRY_HOURS = [1, 24, 168, 720] as const;

export function InviteDialog(props: { canvasId: string; canvasName: string; myRole: Role; opened: boolean; onClose: () => void }) {
  const { canvasId, myRole } = props;
  const { t, date } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>("editor");
  const [hours, setHours] = useState<string>("168");
  const [link, setLink] = useState<{ url: string; role: Role } | null>(null);
  const invites = useQuery({ ...trpc.invite.list.queryOptions({ canvasId }), enabled: props.opened });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.invite.list.queryKey({ canvasId }) });
  const onError = (e: unknown) => notifications.show({ color: "red", title: t("common.error"), message: errorMessage(e, t) });
  const create = useMutation(
    trpc.invite.create.mutationOptions({
      onSuccess: (inv) => {
        setLink({ url: inv.url, role: inv.role });
        void refresh();
      },
      onError,
    }),
  );
  const revoke = useMutation(
    trpc.invite.revoke.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("invite.revoked") });
        void refresh();
      },
      onError,
    }),
  );
  const allowedRoles = (myRole === "owner" ? ROLES : ROLES.filter((r) => r !== "owner")).map((r) => ({
    value: r,
    label: t(`role.${r}` as MessageKey),
  }));

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("invite.title", { name: props.canvasName })} size="lg">
      <Stack>
        <Group grow align="flex-end">
          <Select
            label={t("invite.role")}
            data={allowedRoles}
            value={role}
            allowDeselect={false}
            onChange={(v) => v && setRole(v as Role)}
          />
          <Select
            label={t("invite.expiry")}
            data={EXPIRY_HOURS.map((h) => ({ value: String(h), label: t(`invite.h${h}` as MessageKey) }))}
            value={hours}
            allowDeselect={false}
            onChange={(v) => v && setHours(v)}
          />
        </Group>
        <Text size="xs" c="dimmed" mt={-8}>
          {t(`role.help.${role}` as MessageKey)}
        </Text>
        <Button leftSection={<IconLink size={18} />} loading={create.isPending} onClick={() => create.mutate({ canvasId, role, expiresInHours: Number(hours) })}>
          {t("invite.create")}
        </Button>
        {link && (
          <Alert color="violet" variant="light">
            <Text size="sm" mb={6}>
              {t("invite.newLink", { role: t(`role.${link.role}` as MessageKey) })}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <TextInput value={link.url} readOnly style={{ flex: 1 }} aria-label="Invite link" data-testid="invite-url" onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={link.url}>
                {({ copied, copy }) => (
                  <Button color={copied ? "teal" : "violet"} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                    {copied ? t("invite.copied") : t("invite.copy")}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
        <Divider label={t("invite.active")} labelPosition="left" />
        {invites.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("invite.none")}
          </Text>
        )}
        <Stack gap={6}>
          {invites.data?.map((inv) => (
            <Group key={inv.id} justify="space-between" wrap="nowrap" data-testid="invite-row">
              <Group gap="xs" wrap="nowrap" miw={0}>
                <Badge variant="light" color={inv.status === "active" ? "teal" : "gray"} style={{ flexShrink: 0 }}>
                  {t(`invite.status.${inv.status}` as MessageKey)}
                </Badge>
                <Text size="sm" fw={600}>
                  {t(`role.${inv.role}` as MessageKey)}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {t("invite.expires", { date: date(inv.expiresAt, "long") })} · {t("invite.uses", { count: inv.uses })}
                </Text>
              </Group>
              {inv.status === "active" && (
                <Tooltip label={t("invite.revoke")}>
                  <ActionIcon variant="subtle" color="red" aria-label={t("invite.revoke")} onClick={() => revoke.mutate({ id: inv.id })}>
                    <IconX size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          ))}
        </Stack>
      </Stack>
    </Modal>
  );
}
