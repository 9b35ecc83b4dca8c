"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import type { EditorState, EditorStore } from "./editorStore";

export const EditorContext = createContext<EditorStore | null>(null);

/** The editor store of the surrounding editor. */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error("useEditorStore outside an editor");
  return store;
}

/**
 * One slice of the editor's state; the component re-renders only when that slice changes
 * (compared by identity, so select a field, not a freshly built object).
 */
export function useEditor<T>(select: (s: EditorState) => T): T {
  const store = useEditorStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()), () => select(store.getState()));
}
