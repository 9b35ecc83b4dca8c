"use client";

import { ActionIcon, Group, Paper, Tooltip } from "@mantine/core";
import { IconArrowBackUp, IconArrowForwardUp, IconCopy, IconLock, IconStackBack, IconStackFront, IconTrash } from "@tabler/icons-react";
import type { ComponentType } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { ACTIONS } from "../actions";
import { runAlone } from "../actions/runAlone";
import { useEditor, useEditorStore } from "../store/useEditor";

type Button = { id: string; icon: ComponentType<{ size?: number }>; needsSelection: boolean };

const BUTTONS: Button[] = [
  { id: "undo", icon: IconArrowBackUp, needsSelection: false },
  { id: "redo", icon: IconArrowForwardUp, needsSelection: false },
  { id: "duplicate", icon: IconCopy, needsSelection: true },
  { id: "forward", icon: IconStackFront, needsSelection: true },
  { id: "backward", icon: IconStackBack, needsSelection: true },
  { id: "lock", icon: IconLock, needsSelection: true },
  { id: "delete", icon: IconTrash, needsSelection: true },
];

/**
 * What a phone has instead of a keyboard: undo and redo always, and on a selection duplicate,
 * forward and backward, lock and delete, each the same command as its shortcut. Floats at the
 * stage's bottom, above the zoom controls.
 */
export function SelectionBar() {
  const { t } = useI18n();
  const store = useEditorStore();
  const selected = useEditor((s) => s.selection.size);
  const editingText = useEditor((s) => !!s.editingText);
  if (store.readOnly || editingText) return null;
  const shown = BUTTONS.filter((b) => selected > 0 || !b.needsSelection);
  return (
    <Paper
      pos="absolute"
      bottom={56}
      left="50%"
      style={{ transform: "translateX(-50%)", zIndex: 3 }}
      shadow="md"
      radius="xl"
      p={4}
      withBorder
      role="toolbar"
      aria-label={t("editor.selectionBar")}
      data-testid="selection-bar"
    >
      <Group gap={2} wrap="nowrap">
        {shown.map(({ id, icon: Icon }) => {
          const action = ACTIONS.find((a) => a.id === id)!;
          return (
            <Tooltip key={id} label={t(action.label)} events={{ hover: true, focus: true, touch: false }}>
              <ActionIcon variant="subtle" color={id === "delete" ? "red" : "dark"} size={40} radius="xl" aria-label={t(action.label)} data-action={id} onClick={() => runAlone(store, action)}>
                <Icon size={20} />
              </ActionIcon>
            </Tooltip>
          );
        })}
      </Group>
    </Paper>
  );
}
