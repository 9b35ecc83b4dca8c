"use client";

import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";
import { useCollaboration, type ConnectionStatus } from "./collab/useCollaboration";
import { EditorLayout, type Me } from "./EditorLayout";
import { loadFonts } from "./fonts";
import { EditorStore } from "./store/editorStore";
import { EditorContext } from "./store/useEditor";

/** A tab that a feature adds to the side panel, after Layers. */
export type PanelTab = { value: string; label: string; panel: ReactNode };

/**
 * A panel docked at the editor's left (generation), with its toggle over the stage. `drop` takes
 * what is dragged onto the stage from it (true: handled; anything else is uploaded as a file).
 */
export type EditorDock = {
  /** The toggle's text, and its accessible name (what it opens). */
  label: string;
  toggleLabel: string;
  icon: ReactNode;
  panel: (onClose?: () => void) => ReactNode;
  drop?: (store: EditorStore, data: DataTransfer, at: { x: number; y: number }) => boolean;
};

/**
 * What features built on the editor add inside it (they may use the editor store): a dock at the
 * left, at the side panel's top and as its tabs, centred over the stage, and over the whole stage
 * (`overlay`, which lets pointer events through).
 */
export type EditorSlots = { dock?: EditorDock; side?: ReactNode; tabs?: PanelTab[]; stage?: ReactNode; overlay?: ReactNode };

type Props = { canvasId: string; canvasName: string; me: Me; onStatus?: (s: ConnectionStatus) => void; slots?: EditorSlots };

/**
 * The live editor: waits for the shared document and the fonts (text must not be laid out in a
 * fallback font), then gives the layout one editor store for the session.
 */
export default function Editor({ canvasId, canvasName, me, onStatus, slots }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refetchRole = useCallback(async () => (await queryClient.fetchQuery({ ...trpc.canvas.get.queryOptions({ id: canvasId }), staleTime: 0 })).role, [queryClient, trpc, canvasId]);
  const { session, status, refusals } = useCollaboration(canvasId, me.role, refetchRole);
  useEffect(() => onStatus?.(status), [status, onStatus]);
  const { t } = useI18n();
  useEffect(() => {
    if (refusals) notifications.show({ color: "red", message: t("editor.refused") });
  }, [refusals, t]);
  const [fontsReady, setFontsReady] = useState(false);
  useEffect(() => void loadFonts().then(() => setFontsReady(true)), []);
  const [store, setStore] = useState<EditorStore | null>(null);
  const previous = useRef<EditorStore | null>(null);
  useEffect(() => {
    if (!session) return;
    const next = new EditorStore(session.canvas, me.role === "viewer", previous.current ?? undefined);
    previous.current = next;
    setStore(next);
    return () => next.dispose();
  }, [session, me.role]);
  if (!session || !fontsReady || !store || store.canvas !== session.canvas) return null;
  return (
    <EditorContext.Provider value={store}>
      <EditorLayout canvasId={canvasId} canvasName={canvasName} me={me} provider={session.provider} status={status} slots={slots} />
    </EditorContext.Provider>
  );
}
