"use client";

import { Box, Menu, Text } from "@mantine/core";
import { useI18n } from "../../../_i18n/I18nProvider";
import { ACTIONS } from "../actions";
import { runAlone } from "../actions/runAlone";
import { useEditor, useEditorStore } from "../store/useEditor";

/** The menu's commands in groups; a group whose commands all need a selection is greyed without one. */
const GROUPS: { ids: string[]; needsSelection: boolean }[] = [
  { ids: ["copy", "duplicate", "delete"], needsSelection: true },
  { ids: ["paste"], needsSelection: false },
  { ids: ["front", "forward", "backward", "back"], needsSelection: true },
  { ids: ["group", "ungroup", "lock", "hide"], needsSelection: true },
  { ids: ["selectAll", "zoomFit"], needsSelection: false },
];

export type MenuPoint = { x: number; y: number };

/**
 * The desktop's right-click menu at `at` (stage pixels): the same commands as the keyboard's, with
 * their shortcuts, for what is selected (a right-click on a shape selects it first).
 */
export function StageContextMenu({ at, onClose }: { at: MenuPoint | null; onClose: () => void }) {
  const { t } = useI18n();
  const store = useEditorStore();
  const selected = useEditor((s) => s.selection.size);
  const hasClipboard = useEditor((s) => !!s.clipboard?.shapes.length);
  if (!at) return null;
  const groups = GROUPS.map((g) => ({ ...g, actions: g.ids.map((id) => ACTIONS.find((a) => a.id === id)!).filter((a) => !store.readOnly || !a.edits) })).filter((g) => g.actions.length);
  return (
    // `size`: in a window too short for every command the menu keeps to the window and scrolls.
    <Menu opened onChange={(open) => !open && onClose()} position="bottom-start" offset={2} shadow="md" width={240} withinPortal returnFocus={false} middlewares={{ flip: true, shift: { padding: 8 }, size: { padding: 8 } }}>
      <Menu.Target>
        {/* The menu's anchor at the pointer: a button for assistive technology, invisible and out of the tab order. */}
        <Box component="button" type="button" tabIndex={-1} aria-label={t("editor.contextMenu")} pos="absolute" left={at.x} top={at.y} w={1} h={1} p={0} style={{ opacity: 0, border: 0, pointerEvents: "none" }} />
      </Menu.Target>
      <Menu.Dropdown data-testid="stage-context-menu" style={{ display: "flex", flexDirection: "column" }}>
        {/* The commands scroll inside the menu's height; focusable, so that a keyboard can scroll them too. */}
        <div role="group" aria-label={t("editor.contextMenu")} tabIndex={0} style={{ overflowY: "auto", minHeight: 0, overscrollBehavior: "contain", outline: "none" }}>
          {groups.map((g, i) => (
            <div key={g.ids.join()}>
              {i > 0 && <Menu.Divider />}
              {g.actions.map((a) => (
                <Menu.Item
                  key={a.id}
                  disabled={(g.needsSelection && selected === 0) || (a.id === "paste" && !hasClipboard)}
                  rightSection={
                    a.shortcut ? (
                      <Text size="xs" c="dimmed">
                        {a.shortcut}
                      </Text>
                    ) : undefined
                  }
                  color={a.id === "delete" ? "red.9" : undefined}
                  onClick={() => runAlone(store, a)}
                >
                  {t(a.label)}
                </Menu.Item>
              ))}
            </div>
          ))}
        </div>
      </Menu.Dropdown>
    </Menu>
  );
}
