"use client";

import { Button, Center, Stack, Text, Title } from "@mantine/core";
import Link from "next/link";

export default function NotFound() {
  return (
    <Center mih="100vh">
      <Stack align="center" gap="xs">
        <Title order={1} c="violet">
          404
        </Title>
        <Text c="dimmed">This page does not exist, or you do not have access to it.</Text>
        <Button component={Link} href="/dashboard" mt="md">
          Merchboard
        </Button>
      </Stack>
    </Center>
  );
}
