"use client";

import { Box, Button, Group, Tooltip } from "@mantine/core";
import { IconKeyboard, IconLayoutSidebarRight } from "@tabler/icons-react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import type { EditorDock } from "./Editor";
import { ConnectionBadge } from "./chrome/ConnectionBadge";
import { ExportMenu } from "./chrome/ExportMenu";
import { PeerAvatars } from "./chrome/PeerAvatars";
import { SelectionBar } from "./chrome/SelectionBar";
import { StageContextMenu, type MenuPoint } from "./chrome/StageContextMenu";
import { shapeAt } from "./store/geometry";
import { ZoomControls } from "./chrome/ZoomControls";
import type { ConnectionStatus, PeerState } from "./collab/useCollaboration";
import { readElementDrag } from "./elements/elementDrag";
import { placeImage } from "./images/placeImage";
import { useImageUpload } from "./images/useImageUpload";
import { EditorStage } from "./stage/EditorStage";
import { useEditor, useEditorStore } from "./store/useEditor";
import { TextEditOverlay } from "./TextEditOverlay";
import { Toolbar } from "./Toolbar";
import { createTools } from "./tools";
import { useEditorKeys } from "./useEditorKeys";

type Props = {
  canvasId: string;
  canvasName: string;
  peers: PeerState[];
  status: ConnectionStatus;
  narrow: boolean;
  dock?: EditorDock;
  showDock: boolean;
  onTogglePanel: () => void;
  /** A pointer went down on the stage itself (not its floating controls). */
  onStagePointer?: () => void;
  onCursor: (p: { x: number; y: number } | null) => void;
  /** Centred at the stage's top (a feature's controls, such as the print area switch). */
  top?: ReactNode;
  /** Over the whole stage, letting pointer events through (badges that follow shapes). */
  overlay?: ReactNode;
};

/** The stage and what floats over it: tools, zoom, connection, people, help and export; drops land here. */
export function StageArea({ canvasId, canvasName, peers, status, narrow, dock, showDock, onTogglePanel, onStagePointer, onCursor, top, overlay }: Props) {
  const { t } = useI18n();
  const store = useEditorStore();
  const tool = useEditor((s) => s.tool);
  const camera = useEditor((s) => s.camera);
  const editingText = useEditor((s) => s.editingText);
  const shapeCount = useEditor((s) => s.shapes.length);
  const selectedCount = useEditor((s) => s.selection.size);
  // Where the (first) selected shape is and how big, in canvas units: for tests, as data-camera is.
  const selectedBox = useEditor((s) => {
    const shape = s.shapes.find((x) => s.selection.has(x.id));
    return shape ? `${Math.round(shape.x)} ${Math.round(shape.y)} ${Math.round(shape.width)} ${Math.round(shape.height)}` : "";
  });
  const host = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const tools = useMemo(createTools, []);
  const [menuAt, setMenuAt] = useState<MenuPoint | null>(null);
  const uploadImages = useImageUpload(canvasId, store, store.select);
  useEditorKeys(store, (files) => void uploadImages(files, store.viewportCentre()));

  // How many shapes a gesture shows ahead of the document (for tests, as data-camera is), set on the
  // element directly: a drag changes it every frame and nothing else needs to draw again.
  useEffect(() => store.stage.onPreview((positions) => host.current?.setAttribute("data-preview", String(positions?.size ?? 0))), [store]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => store.setViewport({ width: entry!.contentRect.width, height: entry!.contentRect.height }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [store]);

  // Right-click: a shape under the pointer becomes the selection unless it is already in it; empty canvas clears it.
  const onContextMenu = (e: React.MouseEvent) => {
    if ((e.target as HTMLElement).tagName !== "CANVAS") return;
    e.preventDefault();
    const rect = host.current!.getBoundingClientRect();
    const screen = { x: e.clientX - rect.left, y: e.clientY - rect.top };
    const hit = shapeAt(store.shapes(), store.screenToWorld(screen), 4 / store.camera().scale);
    if (!hit) store.select([]);
    else if (!store.selection().has(hit.id)) store.select([hit.id]);
    setMenuAt(screen);
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    if (store.readOnly) return;
    const rect = host.current!.getBoundingClientRect();
    const at = store.screenToWorld({ x: e.clientX - rect.left, y: e.clientY - rect.top });
    const element = readElementDrag(e.dataTransfer);
    if (element) placeImage(store, element, at);
    else if (!dock?.drop?.(store, e.dataTransfer, at)) void uploadImages([...e.dataTransfer.files], at);
  };

  return (
    <Box
      ref={host}
      pos="relative"
      style={{ overflow: "hidden", backgroundColor: "var(--mantine-color-gray-1)", minWidth: 0 }}
      data-testid="editor-stage"
      data-camera={`${Math.round(camera.x)} ${Math.round(camera.y)} ${camera.scale.toFixed(3)}`}
      data-shapes={shapeCount}
      data-selected={selectedCount}
      data-selected-box={selectedBox}
      data-peers={peers.length}
      onPointerDownCapture={(e) => (e.target as HTMLElement).tagName === "CANVAS" && onStagePointer?.()}
      onContextMenu={onContextMenu}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <EditorStage tools={tools} peers={peers} onCursor={onCursor} canvasName={canvasName} />
      {overlay && (
        <Box pos="absolute" inset={0} style={{ pointerEvents: "none", overflow: "hidden" }}>
          {overlay}
        </Box>
      )}
      {editingText && (
        <TextEditOverlay key={editingText.shape.id} writer={store} shape={editingText.shape} isNew={editingText.isNew} camera={camera} onDone={(id) => store.endTextEdit(id)} />
      )}
      <Toolbar tool={tool} setTool={store.setTool} readOnly={store.readOnly} onImage={() => fileInput.current?.click()} />
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/svg+xml"
        multiple
        hidden
        data-testid="image-input"
        onChange={(e) => {
          void uploadImages([...(e.target.files ?? [])], store.viewportCentre());
          e.target.value = "";
        }}
      />
      {narrow && <SelectionBar />}
      <StageContextMenu at={menuAt} onClose={() => setMenuAt(null)} />
      <Group pos="absolute" bottom={12} left={12} gap={6}>
        <ConnectionBadge status={status} />
        <ZoomControls />
      </Group>
      {dock && (
        <Group pos="absolute" top={12} left={12} gap={6}>
          <Button
            variant={showDock ? "light" : "default"}
            size="compact-sm"
            leftSection={narrow ? undefined : dock.icon}
            onClick={() => store.setDockOpen(!showDock)}
            aria-pressed={showDock}
            aria-label={dock.toggleLabel}
            data-testid="toggle-dock"
          >
            {narrow ? dock.icon : dock.label}
          </Button>
        </Group>
      )}
      {top && (
        <Group pos="absolute" top={narrow ? 52 : 12} left="50%" style={{ transform: "translateX(-50%)" }} gap={6}>
          {top}
        </Group>
      )}
      <Group pos="absolute" top={12} right={12} gap={6}>
        <PeerAvatars peers={peers} />
        {narrow && (
          <Button variant="default" size="compact-sm" leftSection={<IconLayoutSidebarRight size={14} />} onClick={onTogglePanel}>
            {t("editor.panel.layers")}
          </Button>
        )}
        {/* Keyboard shortcuts mean little on a phone, where the bar has no room to spare. */}
        {!narrow && (
          <Tooltip label={`${t("editor.action.help")} (?)`}>
            <Button variant="default" size="compact-sm" onClick={() => store.setHelp(true)} aria-label={t("editor.action.help")}>
              <IconKeyboard size={16} />
            </Button>
          </Tooltip>
        )}
        <ExportMenu compact={narrow} />
      </Group>
    </Box>
  );
}
