"use client";

import { Alert, Anchor, Button, Card, Center, Grid, Group, ScrollArea, Skeleton, Stack, Text, ThemeIcon, Title, UnstyledButton } from "@mantine/core";
import { IconArrowLeft, IconInfoCircle, IconMailOff, IconServer } from "@tabler/icons-react";
import { useMediaQuery } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";

/** The mail the app sent (kept locally when no SMTP server is set): a list, newest first, and a reader. */
export function AdminOutbox() {
  const { t, date } = useI18n();
  // Today's mail by its time, older mail by its day, as mail apps list them.
  const sentWhen = (at: string) => {
    const d = new Date(at);
    const today = d.toDateString() === new Date().toDateString();
    return today ? date(d, "time") : date(d);
  };
  const trpc = useTRPC();
  const outbox = useQuery({ ...trpc.order.outbox.queryOptions(), refetchInterval: 10_000 });
  const [openId, setOpenId] = useState<string | null>(null);
  const narrow = useMediaQuery("(max-width: 48em)") ?? false;
  const messages = outbox.data?.messages ?? [];
  const open = messages.find((m) => m.id === openId) ?? null;
  // On desktop the newest is open from the start; on phones the list comes first.
  const shown = open ?? (narrow ? null : (messages[0] ?? null));

  if (outbox.isPending) return <Skeleton h={360} radius="lg" role="status" aria-busy="true" aria-label={t("common.loading")} />;
  if (outbox.isError) {
    return (
      <Alert color="red" title={t("common.error")}>
        {errorMessage(outbox.error, t)}
      </Alert>
    );
  }
  if (outbox.data.smtp) {
    return (
      <Alert color="blue" variant="light" icon={<IconServer size={18} />} title={t("shopAdmin.outbox.smtpTitle")} data-testid="outbox-smtp">
        {t("shopAdmin.outbox.smtpBody")}
      </Alert>
    );
  }
  if (!messages.length) {
    return (
      <Card withBorder radius="lg" py={48}>
        <Center>
          <Stack align="center" gap={6}>
            <ThemeIcon size={52} radius="xl" variant="light" color="gray">
              <IconMailOff size={28} />
            </ThemeIcon>
            <Title order={2} size="h4">
              {t("shopAdmin.outbox.empty")}
            </Title>
          </Stack>
        </Center>
      </Card>
    );
  }

  const list = (
    <Card withBorder radius="lg" p={0}>
      <ScrollArea.Autosize mah={narrow ? undefined : 620} type="auto">
        <Stack gap={0} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }} aria-label={t("shopAdmin.outbox.list")} data-testid="outbox-list">
          {messages.map((m, i) => {
            const active = shown?.id === m.id;
            return (
              <li key={m.id} style={{ borderTop: i ? "1px solid var(--mantine-color-gray-2)" : undefined }}>
                <UnstyledButton
                  onClick={() => setOpenId(m.id)}
                  aria-current={active ? "true" : undefined}
                  data-testid="outbox-message"
                  w="100%"
                  px="md"
                  py="sm"
                  style={{ display: "block", background: active ? "var(--mantine-color-violet-0)" : undefined, borderLeft: `3px solid ${active ? "var(--mantine-color-violet-6)" : "transparent"}` }}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="xs" c="dimmed" truncate>
                      {m.to}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                      {sentWhen(m.sentAt)}
                    </Text>
                  </Group>
                  <Text size="sm" fw={600} lineClamp={2}>
                    {m.subject}
                  </Text>
                </UnstyledButton>
              </li>
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
    </Card>
  );

  const reader = shown && (
    <Card withBorder radius="lg" p="lg" data-testid="outbox-reader" component="article" aria-labelledby="outbox-subject">
      <Title order={2} size="h4" id="outbox-subject" mb={6}>
        {shown.subject}
      </Title>
      <Stack gap={2} mb="md">
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t("shopAdmin.outbox.to")}{" "}
          </Text>
          <Anchor href={`mailto:${shown.to}`} size="sm" style={{ wordBreak: "break-all" }}>
            {shown.to}
          </Anchor>
        </Text>
        <Text size="sm" c="dimmed">
          {date(shown.sentAt, "long")}
        </Text>
      </Stack>
      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", borderTop: "1px solid var(--mantine-color-gray-2)", paddingTop: 12 }}>
        {shown.text}
      </Text>
    </Card>
  );

  return (
    <Stack gap="md">
      <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} p="sm">
        <Text size="sm">{t("shopAdmin.outbox.localHint", { count: messages.length })}</Text>
      </Alert>
      {!narrow ? (
        <Grid gap="md">
          <Grid.Col span={5}>{list}</Grid.Col>
          <Grid.Col span={7}>{reader}</Grid.Col>
        </Grid>
      ) : open ? (
          <>
            <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => setOpenId(null)} style={{ alignSelf: "flex-start" }} px={4}>
              {t("shopAdmin.outbox.back")}
            </Button>
            {reader}
          </>
      ) : (
        list
      )}
    </Stack>
  );
}
