"use client";

import { Box, Drawer } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import { useI18n } from "../../_i18n/I18nProvider";
import { GenerationPanel } from "../generate/GenerationPanel";
import { payloadOf, type Generation, type GenerationImage, type GenerationSettings } from "../generate/generatedImage";
import { usePeers, type ConnectionStatus } from "./collab/useCollaboration";
import type { EditorSlots } from "./Editor";
import { HelpOverlay } from "./HelpOverlay";
import { placeImage } from "./images/placeImage";
import { SidePanel } from "./SidePanel";
import { StageArea } from "./StageArea";
import { useEditor, useEditorStore } from "./store/useEditor";

export type Me = { id: string; role: "owner" | "editor" | "viewer" };

type Props = { canvasId: string; canvasName: string; me: Me; provider: WebsocketProvider; status: ConnectionStatus; slots?: EditorSlots };

/** Where everything sits: the generation panel, the stage with its chrome, and the side panel (drawers on phones). */
export function EditorLayout({ canvasId, canvasName, me, provider, status, slots }: Props) {
  const store = useEditorStore();
  const { t } = useI18n();
  const peers = usePeers(provider);
  const help = useEditor((s) => s.help);
  const selection = useEditor((s) => s.selection);
  const area = useEditor((s) => s.area);
  const printArea = useMemo(() => (area ? { aspect: area.widthMm / area.heightMm, name: area.name } : null), [area]);
  const narrow = useMediaQuery("(max-width: 48em)") ?? false;
  const [panelOpen, setPanelOpen] = useState(false);
  const [generateOpen, setGenerateOpen] = useState<boolean | null>(null);
  const showGenerate = generateOpen ?? !narrow;
  const [reuse, setReuse] = useState<{ settings: GenerationSettings; nonce: number } | null>(null);

  useEffect(() => {
    provider.awareness.setLocalStateField("selection", [...selection]);
  }, [selection, provider]);
  const onCursor = useCallback((p: { x: number; y: number } | null) => provider.awareness.setLocalStateField("cursor", p), [provider]);

  const reuseSettings = useCallback((settings: GenerationSettings) => {
    setReuse((r) => ({ settings, nonce: (r?.nonce ?? 0) + 1 }));
    setGenerateOpen(true);
  }, []);
  const placeFromPanel = useCallback((g: Generation, image: GenerationImage) => void placeImage(store, payloadOf(g, image), store.viewportCentre(), { fit: true }), [store]);
  const generatePanel = (onClose?: () => void) => <GenerationPanel canvasId={canvasId} me={me} reuse={reuse} onReuse={reuseSettings} onPlace={placeFromPanel} onClose={onClose} printArea={printArea} />;
  const sidePanel = <SidePanel canvasId={canvasId} onReuse={reuseSettings} top={slots?.side} tabs={slots?.tabs} />;

  return (
    <Box style={{ display: "grid", gridTemplateColumns: narrow ? "1fr" : `${showGenerate ? "320px " : ""}1fr 300px`, height: "100%", minHeight: 0 }}>
      {!narrow && showGenerate && generatePanel()}
      <StageArea
        canvasId={canvasId}
        canvasName={canvasName}
        peers={peers}
        status={status}
        narrow={narrow}
        showGenerate={showGenerate}
        onToggleGenerate={() => setGenerateOpen(!showGenerate)}
        onTogglePanel={() => setPanelOpen((o) => !o)}
        onCursor={onCursor}
        top={slots?.stage}
        overlay={slots?.overlay}
      />
      {narrow ? (
        <Drawer opened={panelOpen} onClose={() => setPanelOpen(false)} position="bottom" size="60%" title={t("editor.panel.design")} withOverlay={false}>
          {sidePanel}
        </Drawer>
      ) : (
        sidePanel
      )}
      {narrow && (
        <Drawer opened={showGenerate} onClose={() => setGenerateOpen(false)} position="left" size="88%" withCloseButton={false} padding={0} styles={{ body: { height: "100%" } }}>
          <Box h="100dvh">{generatePanel(() => setGenerateOpen(false))}</Box>
        </Drawer>
      )}
      <HelpOverlay opened={help} onClose={() => store.setHelp(false)} />
    </Box>
  );
}
