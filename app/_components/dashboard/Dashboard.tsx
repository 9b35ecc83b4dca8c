"use client";

import { Alert, Button, Card, Center, Container, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconAlertCircle, IconLayoutBoardSplit, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { VerifyEmailNotice } from "../auth/VerifyEmailNotice";
import { AppHeader } from "../ui/AppHeader";
import { CanvasCard } from "./CanvasCard";
import { useCanvasDialogs } from "./useCanvasDialogs";

export function Dashboard({ user }: { user: { name: string; email: string; emailVerified: boolean } }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const canvases = useQuery(trpc.canvas.list.queryOptions());
  const { openCreate, openRename, openDelete } = useCanvasDialogs();

  return (
    <>
      <AppHeader user={user} />
      <Container size="lg" py="xl">
        {!user.emailVerified && <VerifyEmailNotice email={user.email} />}
        <Group justify="space-between" mb="lg">
          <Title order={2}>{t("dashboard.title")}</Title>
          <Button leftSection={<IconPlus size={18} />} onClick={openCreate}>
            {t("dashboard.new")}
          </Button>
        </Group>
        {canvases.isError && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} title={t("common.error")}>
            <Group justify="space-between">
              <Text size="sm">{errorMessage(canvases.error, t)}</Text>
              <Button size="xs" variant="white" color="red" onClick={() => canvases.refetch()}>
                {t("common.retry")}
              </Button>
            </Group>
          </Alert>
        )}
        {canvases.isPending && (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg" role="status" aria-busy="true" aria-label={t("common.loading")}>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={210} radius="lg" />
            ))}
          </SimpleGrid>
        )}
        {canvases.data?.length === 0 && (
          <Card withBorder radius="lg" py={64}>
            <Center>
              <Stack align="center" gap="sm" maw={360}>
                <ThemeIcon size={64} radius="xl" variant="light">
                  <IconLayoutBoardSplit size={34} />
                </ThemeIcon>
                <Title order={3}>{t("dashboard.empty.title")}</Title>
                <Text c="dimmed" ta="center">
                  {t("dashboard.empty.body")}
                </Text>
                <Button mt="sm" leftSection={<IconPlus size={18} />} onClick={openCreate}>
                  {t("dashboard.new")}
                </Button>
              </Stack>
            </Center>
          </Card>
        )}
        {!!canvases.data?.length && (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
            {canvases.data.map((c) => (
              <CanvasCard key={c.id} canvas={c} onRename={() => openRename(c)} onDelete={() => openDelete(c)} />
            ))}
          </SimpleGrid>
        )}
      </Container>
    </>
  );
}
