"use client";

import { Button, Group, Paper, Tooltip } from "@mantine/core";
import { IconMinus, IconPlus } from "@tabler/icons-react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { useEditor, useEditorStore } from "../store/useEditor";

export function ZoomControls() {
  const { t } = useI18n();
  const store = useEditorStore();
  const scale = useEditor((s) => s.camera.scale);
  return (
    <Paper withBorder radius="md" px={4} shadow="xs">
      <Group gap={0}>
        <Button variant="subtle" color="gray" size="compact-sm" aria-label={t("editor.action.zoomOut")} onClick={() => store.zoomBy(0.8)}>
          <IconMinus size={14} />
        </Button>
        <Tooltip label={`${t("editor.action.zoomFit")} (⇧1)`}>
          <Button variant="subtle" color="gray" size="compact-sm" onClick={() => store.zoomToFit()} data-testid="zoom-level">
            {Math.round(scale * 100)} %
          </Button>
        </Tooltip>
        <Button variant="subtle" color="gray" size="compact-sm" aria-label={t("editor.action.zoomIn")} onClick={() => store.zoomBy(1.25)}>
          <IconPlus size={14} />
        </Button>
      </Group>
    </Paper>
  );
}
