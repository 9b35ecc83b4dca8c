"use client";

import { Button, Card, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import Link from "next/link";
import { useI18n } from "../../../_i18n/I18nProvider";

/** What a signed-in account that does not run the shop sees on the admin pages. */
export function NotAllowed() {
  const { t } = useI18n();
  return (
    <Card withBorder radius="lg" py={56} px="lg" data-testid="admin-forbidden">
      <Stack align="center" gap="sm" maw={420} mx="auto">
        <ThemeIcon size={60} radius="xl" variant="light" color="gray">
          <IconLock size={30} />
        </ThemeIcon>
        <Title order={1} size="h3" ta="center">
          {t("shopAdmin.forbidden.title")}
        </Title>
        <Text c="dimmed" ta="center" size="sm">
          {t("shopAdmin.forbidden.body")}
        </Text>
        <Button component={Link} href="/dashboard" mt="sm" variant="light">
          {t("shopAdmin.forbidden.back")}
        </Button>
      </Stack>
    </Card>
  );
}
