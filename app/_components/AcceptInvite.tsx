"use client";

import { Button, Center, Loader, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconLinkOff } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useI18n } from "../_i18n/I18nProvider";
import { errorMessage } from "../_lib/errors";
import { useTRPC } from "../_lib/trpc";

export function AcceptInvite({ token }: { token: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const accept = useMutation(trpc.invite.accept.mutationOptions({ onSuccess: ({ canvasId }) => window.location.replace(`/canvas/${canvasId}`) }));
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    accept.mutate({ token });
  }, [accept, token]);

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" radius="lg" maw={440} w="100%">
        {accept.isError ? (
          <Stack align="center" gap="sm">
            <ThemeIcon color="red" variant="light" size={56} radius="xl">
              <IconLinkOff size={30} />
            </ThemeIcon>
            <Title order={3} ta="center">
              {t("invite.failedTitle")}
            </Title>
            <Text c="dimmed" ta="center" role="alert">
              {errorMessage(accept.error, t)}
            </Text>
            <Button component={Link} href="/dashboard" mt="sm">
              {t("invite.goDashboard")}
            </Button>
          </Stack>
        ) : (
          <Stack align="center">
            <Loader />
            <Text>{t("invite.joining")}</Text>
          </Stack>
        )}
      </Paper>
    </Center>
  );
}
