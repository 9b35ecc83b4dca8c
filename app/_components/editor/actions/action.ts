import type { EditorMessageKey } from "@/domain/i18n/messages/editor.en";
import type { EditorApi } from "./editorApi";

export type Action = {
  id: string;
  /** A message key: the list is plain data, so it is translated wherever it is shown. */
  label: EditorMessageKey;
  /** Shown in menus and the help overlay, e.g. "⌘D". */
  shortcut: string;
  /** Matches a keydown; `mod` is ⌘ on macOS and Ctrl elsewhere. */
  keys: { key: string; mod?: boolean; shift?: boolean; alt?: boolean }[];
  /** Changes the document: not offered to viewers. */
  edits: boolean;
  run: (api: EditorApi) => void;
};

export function matches(action: Action, e: KeyboardEvent): boolean {
  const mod = e.metaKey || e.ctrlKey;
  return action.keys.some(
    (k) => k.key.toLowerCase() === e.key.toLowerCase() && !!k.mod === mod && !!k.shift === e.shiftKey && !!k.alt === e.altKey,
  );
}
