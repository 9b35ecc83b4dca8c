"use client";

import { Kbd, Modal, SimpleGrid, Group, Text } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import { ACTIONS } from "./actions";

export function HelpOverlay({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t("editor.action.help")} size="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} verticalSpacing={6}>
        {ACTIONS.filter((a) => a.shortcut).map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap">
            <Text size="sm">{t(a.label)}</Text>
            <Kbd size="xs">{a.shortcut}</Kbd>
          </Group>
        ))}
        <Group justify="space-between">
          <Text size="sm">{t("editor.help.pan")}</Text>
          <Kbd size="xs">{t("editor.help.panKeys")}</Kbd>
        </Group>
        <Group justify="space-between">
          <Text size="sm">{t("editor.help.zoom")}</Text>
          <Kbd size="xs">{t("editor.help.zoomKeys")}</Kbd>
        </Group>
      </SimpleGrid>
    </Modal>
  );
}
