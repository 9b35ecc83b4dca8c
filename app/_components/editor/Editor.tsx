"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useTRPC } from "../../_lib/trpc";
import { useCollaboration, type ConnectionStatus } from "./collab/useCollaboration";
import { EditorLayout, type Me } from "./EditorLayout";
import { loadFonts } from "./fonts";
import { EditorStore } from "./store/editorStore";
import { EditorContext } from "./store/useEditor";

/** What features built on the editor add inside it (they may use the editor store): at the side panel's top, and over the stage. */
export type EditorSlots = { side?: ReactNode; stage?: ReactNode };

type Props = { canvasId: string; canvasName: string; me: Me; onStatus?: (s: ConnectionStatus) => void; slots?: EditorSlots };

/**
 * The live editor: waits for the shared document and the fonts (text must not be laid out in a
 * fallback font), then gives the layout one editor store for the session.
 */
export default function Editor({ canvasId, canvasName, me, onStatus, slots }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refetchRole = useCallback(async () => (await queryClient.fetchQuery({ ...trpc.canvas.get.queryOptions({ id: canvasId }), staleTime: 0 })).role, [queryClient, trpc, canvasId]);
  const { session, status } = useCollaboration(canvasId, me.role, refetchRole);
  useEffect(() => onStatus?.(status), [status, onStatus]);
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
