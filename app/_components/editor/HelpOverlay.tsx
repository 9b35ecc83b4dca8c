"use client";

import { Kbd, Modal, SimpleGrid, Group, Text } from "@mantine/core";
import { ACTIONS } from "./actions";

export function HelpOverlay({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} verticalSpacing={6}>
        {ACTIONS.filter((a) => a.shortcut).map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap">
            <Text size="sm">{a.label}</Text>
            <Kbd size="xs">{a.shortcut}</Kbd>
          </Group>
        ))}
        <Group justify="space-between">
          <Text size="sm">Pan</Text>
          <Kbd size="xs">Space + drag</Kbd>
        </Group>
        <Group justify="space-between">
          <Text size="sm">Zoom</Text>
          <Kbd size="xs">⌘ + scroll</Kbd>
        </Group>
      </SimpleGrid>
    </Modal>
  );
}
