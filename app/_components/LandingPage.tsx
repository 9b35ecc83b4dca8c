"use client";

import { Box, Button, Card, Container, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconPhotoAi, IconShirt, IconUsersGroup } from "@tabler/icons-react";
import Link from "next/link";
import { useI18n } from "../_i18n/I18nProvider";
import { AppHeader } from "./ui/AppHeader";
import { LanguageSwitch } from "./ui/LanguageSwitch";
import { MockupPreview } from "./ui/MockupPreview";

export function LandingPage({ user }: { user: { name: string; email: string } | null }) {
  const { t } = useI18n();
  const features = [
    { icon: IconUsersGroup, title: t("landing.f1.title"), body: t("landing.f1.body"), color: "violet" },
    { icon: IconPhotoAi, title: t("landing.f2.title"), body: t("landing.f2.body"), color: "grape" },
    { icon: IconShirt, title: t("landing.f3.title"), body: t("landing.f3.body"), color: "indigo" },
  ];
  return (
    <>
      <AppHeader user={user} />
      <Box style={{ background: "linear-gradient(180deg, var(--mantine-color-violet-0) 0%, var(--mantine-color-gray-0) 100%)" }}>
        <Container size="lg" py={{ base: 40, sm: 80 }}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing={48} style={{ alignItems: "center" }}>
            <Stack gap="lg">
              <Title order={1} fz={{ base: 34, sm: 48 }} lh={1.1}>
                {t("landing.title")}
              </Title>
              <Text size="lg" c="dimmed" maw={520}>
                {t("landing.subtitle")}
              </Text>
              <Group>
                <Button size="md" component={Link} href={user ? "/dashboard" : "/sign-up"}>
                  {user ? t("landing.ctaSignedIn") : t("landing.cta")}
                </Button>
                {!user && (
                  <Button size="md" variant="default" component={Link} href="/sign-in">
                    {t("landing.secondary")}
                  </Button>
                )}
              </Group>
            </Stack>
            <MockupPreview />
          </SimpleGrid>
        </Container>
      </Box>
      <Container size="lg" py={48}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          {features.map((f) => (
            <Card key={f.title} withBorder padding="lg">
              <ThemeIcon size={42} radius="md" variant="light" color={f.color}>
                <f.icon size={24} />
              </ThemeIcon>
              <Text fw={700} mt="md">
                {f.title}
              </Text>
              <Text size="sm" c="dimmed" mt={6}>
                {f.body}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        <Group justify="space-between" mt={56} c="dimmed">
          <Text size="sm">© {new Date().getFullYear()} Merchboard</Text>
          <LanguageSwitch />
        </Group>
      </Container>
    </>
  );
}
