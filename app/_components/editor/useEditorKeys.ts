"use client";

import { useEffect, useRef } from "react";
import { actionFor, ACTIONS } from "./actions";
import type { EditorStore } from "./store/editorStore";

const PASTE = ACTIONS.find((a) => a.id === "paste")!;

const typingIn = (target: EventTarget | null) => {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
};

/**
 * The editor's global keys: every command's shortcut from the one list of actions, space to pan,
 * Escape to drop the selection; and paste, which alone can carry images from the clipboard.
 */
export function useEditorKeys(store: EditorStore, pasteImages: (files: File[]) => void) {
  const paste = useRef(pasteImages);
  paste.current = pasteImages;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e.target)) return;
      if (e.key === " " && !e.repeat) {
        store.setSpacePan(true);
        e.preventDefault();
        return;
      }
      if (e.key === "Escape") return store.cancelAll();
      const action = actionFor(e, store.readOnly);
      // Paste is left to the browser's paste event, which alone can carry images from the clipboard.
      if (!action || action.id === "paste") return;
      e.preventDefault();
      action.run(store);
    };
    const onKeyUp = (e: KeyboardEvent) => e.key === " " && store.setSpacePan(false);
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (store.readOnly || (target && ["INPUT", "TEXTAREA"].includes(target.tagName))) return;
      const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith("image/"));
      e.preventDefault();
      if (files.length) paste.current(files);
      else PASTE.run(store); // shapes copied in the editor
    };
    window.addEventListener("paste", onPaste);
    window.addEventListener("keydown", onKey);
    window.addEventListener("keyup", onKeyUp);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("keyup", onKeyUp);
      window.removeEventListener("paste", onPaste);
    };
  }, [store]);
}
