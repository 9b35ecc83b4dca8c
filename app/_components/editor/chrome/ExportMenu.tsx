"use client";

import { Button, Menu } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { useEditor, useEditorStore } from "../store/useEditor";

/** `compact`: the icon alone (phones, where the top bar has no room for the word). */
export function ExportMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const store = useEditorStore();
  const hasSelection = useEditor((s) => s.selection.size > 0);
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" size="compact-sm" leftSection={compact ? undefined : <IconDownload size={14} />} aria-label={t("editor.export.label")}>
          {compact ? <IconDownload size={16} /> : t("editor.export.label")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t(hasSelection ? "editor.export.selection" : "editor.export.artboard")}</Menu.Label>
        <Menu.Item onClick={() => store.exportPng(1)}>PNG 1×</Menu.Item>
        <Menu.Item onClick={() => store.exportPng(2)}>PNG 2×</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
