"use client";

import { Button, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import Link from "next/link";
import type { ReactNode } from "react";

/** A friendly "nothing here" card with one way on. */
export function EmptyState({ icon, title, body, action }: { icon: ReactNode; title: string; body?: string; action?: { label: string; href: string } }) {
  return (
    <Paper withBorder radius="lg" p={{ base: "xl", sm: 48 }}>
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={64} radius="xl" variant="light" color="violet">
          {icon}
        </ThemeIcon>
        <Title order={2} size="h3">
          {title}
        </Title>
        {body && (
          <Text c="dimmed" maw={420}>
            {body}
          </Text>
        )}
        {action && (
          <Button component={Link} href={action.href} mt="sm">
            {action.label}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
