import { Group, Text } from "@mantine/core";
import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} style={{ textDecoration: "none" }} aria-label="Merchboard home">
      <Group gap={8} wrap="nowrap">
        <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden>
          <rect width="28" height="28" rx="8" fill="var(--mantine-color-violet-6)" />
          <path d="M7 19V9.5l4.5 5 4.5-5V19" stroke="white" strokeWidth="2.4" fill="none" strokeLinejoin="round" strokeLinecap="round" />
          <circle cx="20.5" cy="18" r="2.3" fill="var(--mantine-color-yellow-4)" />
        </svg>
        <Text fw={800} size="lg" c="dark.8">
          Merchboard
        </Text>
      </Group>
    </Link>
  );
}
