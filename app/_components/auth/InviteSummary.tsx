"use client";

import { Alert, Group, Stack, Text } from "@mantine/core";
import { IconMailOpened } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";

/** The invite token in a `next` path that returns to an invite page, if it is one. */
export function inviteTokenOf(next: string): string | null {
  const m = /^\/invite\/([A-Za-z0-9_-]{16,128})$/.exec(next);
  return m ? m[1]! : null;
}

/** Above the sign-in and sign-up forms when they lead back to an invite: which canvas, whose, and the cover. */
export function InviteSummary({ token }: { token: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const preview = useQuery(trpc.invite.preview.queryOptions({ token }, { retry: false }));
  const data = preview.data;
  return (
    <Alert icon={data?.coverUrl ? undefined : <IconMailOpened size={18} />} color="violet" variant="light" mb="md" data-testid="invite-summary">
      {data ? (
        <Group gap="sm" wrap="nowrap">
          {data.coverUrl && (
            // eslint-disable-next-line @next/next/no-img-element -- a private image route, revalidated per use
            <img src={data.coverUrl} alt="" width={56} height={56} style={{ borderRadius: 8, background: "white", flexShrink: 0 }} />
          )}
          <Stack gap={2} miw={0}>
            <Text fw={700} size="sm" truncate>
              {t("invite.summaryTitle", { canvas: data.canvasName })}
            </Text>
            <Text size="xs">{data.invitedBy ? t("invite.summaryBy", { name: data.invitedBy }) : t("auth.inviteNotice")}</Text>
          </Stack>
        </Group>
      ) : (
        t("auth.inviteNotice")
      )}
    </Alert>
  );
}
