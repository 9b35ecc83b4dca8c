"use client";

import { Badge, Button, Center, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconLinkOff, IconUsersPlus } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "../_i18n/I18nProvider";
import { errorMessage } from "../_lib/errors";
import { useTRPC } from "../_lib/trpc";

/**
 * An invite link opened: it shows the canvas's cover and names the canvas, its owner and the role,
 * and joins only on a click, so that a link opened by accident (or planted in a page) never makes
 * anyone a member. Signed out, the click is "create account (or sign in) and join": one step.
 */
export function AcceptInvite({ token, signedIn }: { token: string; signedIn: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const preview = useQuery(trpc.invite.preview.queryOptions({ token }, { retry: false }));
  // Signed out there is no "go to your canvases": the way out is the home page.
  const home = signedIn ? "/dashboard" : "/";
  const accept = useMutation(trpc.invite.accept.mutationOptions({ onSuccess: ({ canvasId }) => window.location.replace(`/canvas/${canvasId}`) }));
  const error = preview.error ?? accept.error;

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" radius="lg" maw={440} w="100%" component="main">
        {error ? (
          <Stack align="center" gap="sm">
            <ThemeIcon color="red" variant="light" size={56} radius="xl">
              <IconLinkOff size={30} />
            </ThemeIcon>
            <Title order={1} size="h3" ta="center">
              {t("invite.failedTitle")}
            </Title>
            <Text c="dimmed" ta="center" role="alert">
              {errorMessage(error, t)}
            </Text>
            <Button component={Link} href={home} mt="sm">
              {t(signedIn ? "invite.goDashboard" : "invite.goHome")}
            </Button>
          </Stack>
        ) : preview.data ? (
          <Stack align="center" gap="sm">
            {preview.data.coverUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- a private image route, revalidated per use
              <img src={preview.data.coverUrl} alt="" width={160} height={160} style={{ borderRadius: 12, background: "var(--mantine-color-gray-0)" }} data-testid="invite-cover" />
            ) : (
              <ThemeIcon color="violet" variant="light" size={56} radius="xl">
                <IconUsersPlus size={30} />
              </ThemeIcon>
            )}
            <Title order={1} size="h3" ta="center" data-testid="invite-canvas-name">
              {t("invite.confirmTitle", { canvas: preview.data.canvasName })}
            </Title>
            <Text c="dimmed" ta="center">
              {preview.data.ownerName ? t("invite.confirmOwner", { owner: preview.data.ownerName }) : null}
              {preview.data.invitedBy && preview.data.invitedBy !== preview.data.ownerName ? ` ${t("invite.confirmInvitedBy", { name: preview.data.invitedBy })}` : null}
            </Text>
            <Group gap={6}>
              <Text size="sm">{t("invite.confirmRole")}</Text>
              <Badge variant="light">{t(`role.${preview.data.role}`)}</Badge>
            </Group>
            {signedIn ? (
              <Group mt="sm">
                <Button component={Link} href="/dashboard" variant="default">
                  {t("invite.notNow")}
                </Button>
                <Button loading={accept.isPending || accept.isSuccess} onClick={() => accept.mutate({ token })} data-testid="invite-join">
                  {t("invite.join")}
                </Button>
              </Group>
            ) : (
              <Stack w="100%" gap="xs" mt="sm">
                <Button component={Link} href={`/sign-up?next=${encodeURIComponent(`/invite/${token}`)}`} fullWidth data-testid="invite-sign-up">
                  {t("invite.signUpToJoin")}
                </Button>
                <Button component={Link} href={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`} variant="default" fullWidth data-testid="invite-sign-in">
                  {t("invite.signInToJoin")}
                </Button>
                <Text size="xs" c="dimmed" ta="center">
                  {t("invite.signedOutHint")}
                </Text>
              </Stack>
            )}
          </Stack>
        ) : (
          <Stack align="center">
            <Loader aria-label={t("invite.loading")} />
          </Stack>
        )}
      </Paper>
    </Center>
  );
}
