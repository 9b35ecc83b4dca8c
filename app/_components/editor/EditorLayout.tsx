"use client";

import { Box, Drawer } from "@mantine/core";
import { MAX_SHARED_SELECTION } from "@/domain/canvas/awarenessLimits";
import { useMediaQuery } from "@mantine/hooks";
import { useCallback, useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type { Role } from "@/domain/canvas/roles";
import { useI18n } from "../../_i18n/I18nProvider";
import { usePeers, type ConnectionStatus } from "./collab/useCollaboration";
import type { EditorSlots } from "./Editor";
import { HelpOverlay } from "./HelpOverlay";
import { SidePanel } from "./SidePanel";
import { StageArea } from "./StageArea";
import { useEditor, useEditorStore } from "./store/useEditor";

export type Me = { id: string; role: Role };

type Props = { canvasId: string; canvasName: string; me: Me; provider: WebsocketProvider; status: ConnectionStatus; slots?: EditorSlots };

/** Where everything sits: a feature's dock (generation), the stage with its chrome, and the side panel (drawers on phones). */
export function EditorLayout({ canvasId, canvasName, me, provider, status, slots }: Props) {
  const store = useEditorStore();
  const { t } = useI18n();
  const peers = usePeers(provider, me.id);
  const help = useEditor((s) => s.help);
  const selection = useEditor((s) => s.selection);
  const dockOpen = useEditor((s) => s.dockOpen);
  const narrow = useMediaQuery("(max-width: 48em)") ?? false;
  const [panelOpen, setPanelOpen] = useState(false);
  const dock = slots?.dock;
  const showDock = !!dock && (dockOpen ?? !narrow);

  useEffect(() => {
    provider.awareness.setLocalStateField("selection", [...selection].slice(0, MAX_SHARED_SELECTION));
  }, [selection, provider]);
  // A drag is written on release; meanwhile the others see the selection's outline move with it.
  useEffect(
    () =>
      store.stage.onPreview((positions) => {
        const first = positions?.entries().next().value;
        const shape = first && store.getState().shapes.find((s) => s.id === first[0]);
        provider.awareness.setLocalStateField("moving", first && shape ? { dx: first[1].x - shape.x, dy: first[1].y - shape.y } : null);
      }),
    [store, provider],
  );
  const onCursor = useCallback((p: { x: number; y: number } | null) => provider.awareness.setLocalStateField("cursor", p), [provider]);

  // An image's settings can be reused only where a dock takes them.
  const sidePanel = <SidePanel canvasId={canvasId} onReuse={dock ? store.reuseSettings : undefined} top={slots?.side} tabs={slots?.tabs} />;

  return (
    <Box style={{ display: "grid", gridTemplateColumns: narrow ? "1fr" : `${showDock ? "320px " : ""}1fr 300px`, height: "100%", minHeight: 0 }}>
      {!narrow && showDock && dock.panel()}
      <StageArea
        canvasId={canvasId}
        canvasName={canvasName}
        peers={peers}
        status={status}
        narrow={narrow}
        dock={dock}
        showDock={showDock}
        onTogglePanel={() => setPanelOpen((o) => !o)}
        // On a phone the panel's drawer covers the lower canvas: acting on the canvas closes it.
        onStagePointer={narrow ? () => setPanelOpen(false) : undefined}
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
      {narrow && dock && (
        <Drawer opened={showDock} onClose={() => store.setDockOpen(false)} position="left" size="88%" withCloseButton={false} padding={0} styles={{ body: { height: "100%" } }}>
          <Box h="100dvh">{dock.panel(() => store.setDockOpen(false))}</Box>
        </Drawer>
      )}
      <HelpOverlay opened={help} onClose={() => store.setHelp(false)} />
    </Box>
  );
}
