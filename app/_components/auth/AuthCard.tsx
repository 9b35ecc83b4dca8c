"use client";

import { Center, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { Logo } from "../ui/Logo";

/** The frame every account page shares: logo, a card with a title, what is below it, the language switch. */
export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle?: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Center mih="100vh" p="md" style={{ background: "linear-gradient(160deg, var(--mantine-color-violet-0), var(--mantine-color-gray-0))" }}>
      <Stack w="100%" maw={420} gap="lg">
        <Center>
          <Logo />
        </Center>
        <Paper withBorder shadow="sm" p={{ base: "lg", sm: 32 }} radius="lg">
          <Title order={2} ta="center">
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" size="sm" ta="center" mt={4} mb="lg">
              {subtitle}
            </Text>
          )}
          {!subtitle && <div style={{ height: "var(--mantine-spacing-lg)" }} />}
          {children}
        </Paper>
        {footer}
        <Center>
          <LanguageSwitch />
        </Center>
      </Stack>
    </Center>
  );
}
