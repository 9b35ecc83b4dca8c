"use client";

import { Card, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** One card of the status page: its title, then its content, or `empty` when it has nothing to show. */
export function StatusCard({ title, empty, testId, children }: { title: string; empty: string | null; testId: string; children: ReactNode }) {
  return (
    <Card withBorder radius="lg" p="lg" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {empty !== null ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}
