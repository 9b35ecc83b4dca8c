import { newId, type Shape } from "../store/shapeTypes";
import type { Action } from "./action";
import type { EditorApi } from "./editorApi";

const selected = (api: EditorApi) => api.shapes().filter((s) => api.selection().has(s.id));

function cloneShapes(shapes: Shape[], offset: number): Shape[] {
  const groups = new Map<string, string>();
  return shapes.map((s) => ({
    ...s,
    id: newId(),
    x: s.x + offset,
    y: s.y + offset,
    groupId: s.groupId ? (groups.get(s.groupId) ?? groups.set(s.groupId, newId()).get(s.groupId)!) : null,
  }));
}

const nudge = (dx: number, dy: number) => (api: EditorApi) =>
  api.updateShapes(selected(api).filter((s) => !s.locked).map((s) => s.id), (s) => ({ x: s.x + dx, y: s.y + dy }));

export const editActions: Action[] = [
  { id: "undo", label: "editor.action.undo", shortcut: "⌘Z", keys: [{ key: "z", mod: true }], edits: true, run: (api) => api.undo() },
  { id: "redo", label: "editor.action.redo", shortcut: "⇧⌘Z", keys: [{ key: "z", mod: true, shift: true }, { key: "y", mod: true }], edits: true, run: (api) => api.redo() },
  {
    id: "delete",
    label: "editor.action.delete",
    shortcut: "⌫",
    keys: [{ key: "Delete" }, { key: "Backspace" }],
    edits: true,
    run: (api) => {
      api.deleteShapes(selected(api).filter((s) => !s.locked).map((s) => s.id));
      api.select([]);
    },
  },
  {
    id: "duplicate",
    label: "editor.action.duplicate",
    shortcut: "⌘D",
    keys: [{ key: "d", mod: true }],
    edits: true,
    run: (api) => {
      const copies = cloneShapes(selected(api), 20);
      api.addShapes(copies);
      api.select(copies.map((s) => s.id));
    },
  },
  { id: "copy", label: "editor.action.copy", shortcut: "⌘C", keys: [{ key: "c", mod: true }], edits: false, run: (api) => api.setClipboard({ shapes: selected(api) }) },
  {
    id: "paste",
    label: "editor.action.paste",
    shortcut: "⌘V",
    keys: [{ key: "v", mod: true }],
    edits: true,
    run: (api) => {
      if (!api.clipboard?.shapes.length) return;
      const copies = cloneShapes(api.clipboard.shapes, 24);
      api.addShapes(copies);
      api.setClipboard({ shapes: copies });
      api.select(copies.map((s) => s.id));
    },
  },
  { id: "selectAll", label: "editor.action.selectAll", shortcut: "⌘A", keys: [{ key: "a", mod: true }], edits: false, run: (api) => api.select(api.shapes().filter((s) => !s.hidden && !s.locked).map((s) => s.id)) },
  {
    id: "group",
    label: "editor.action.group",
    shortcut: "⌘G",
    keys: [{ key: "g", mod: true }],
    edits: true,
    run: (api) => {
      const ids = [...api.selection()];
      if (ids.length > 1) api.updateShapes(ids, { groupId: newId() });
    },
  },
  { id: "ungroup", label: "editor.action.ungroup", shortcut: "⇧⌘G", keys: [{ key: "g", mod: true, shift: true }], edits: true, run: (api) => api.updateShapes(api.selection(), { groupId: null }) },
  {
    id: "lock",
    label: "editor.action.lock",
    shortcut: "⇧⌘L",
    keys: [{ key: "l", mod: true, shift: true }],
    edits: true,
    run: (api) => {
      const sel = selected(api);
      const lock = sel.some((s) => !s.locked);
      api.updateShapes(sel.map((s) => s.id), { locked: lock });
    },
  },
  {
    id: "hide",
    label: "editor.action.hide",
    shortcut: "⇧⌘H",
    keys: [{ key: "h", mod: true, shift: true }],
    edits: true,
    run: (api) => {
      const sel = selected(api);
      api.updateShapes(sel.map((s) => s.id), { hidden: sel.some((s) => !s.hidden) });
    },
  },
  { id: "nudgeLeft", label: "editor.action.nudgeLeft", shortcut: "←", keys: [{ key: "ArrowLeft" }], edits: true, run: nudge(-1, 0) },
  { id: "nudgeRight", label: "editor.action.nudgeRight", shortcut: "→", keys: [{ key: "ArrowRight" }], edits: true, run: nudge(1, 0) },
  { id: "nudgeUp", label: "editor.action.nudgeUp", shortcut: "↑", keys: [{ key: "ArrowUp" }], edits: true, run: nudge(0, -1) },
  { id: "nudgeDown", label: "editor.action.nudgeDown", shortcut: "↓", keys: [{ key: "ArrowDown" }], edits: true, run: nudge(0, 1) },
  { id: "nudgeLeft10", label: "editor.action.nudgeLeft10", shortcut: "⇧←", keys: [{ key: "ArrowLeft", shift: true }], edits: true, run: nudge(-10, 0) },
  { id: "nudgeRight10", label: "editor.action.nudgeRight10", shortcut: "⇧→", keys: [{ key: "ArrowRight", shift: true }], edits: true, run: nudge(10, 0) },
  { id: "nudgeUp10", label: "editor.action.nudgeUp10", shortcut: "⇧↑", keys: [{ key: "ArrowUp", shift: true }], edits: true, run: nudge(0, -10) },
  { id: "nudgeDown10", label: "editor.action.nudgeDown10", shortcut: "⇧↓", keys: [{ key: "ArrowDown", shift: true }], edits: true, run: nudge(0, 10) },
];
