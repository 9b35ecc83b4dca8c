"use client";

import { Avatar, Badge, Box, Button, Drawer, Group, Indicator, Menu, Paper, Tabs, Text, Tooltip } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { IconDownload, IconKeyboard, IconLayoutSidebarRight, IconMinus, IconPlus, IconSparkles } from "@tabler/icons-react";
import type Konva from "konva";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";
import { actionFor, ACTIONS, type EditorApi } from "./actions";
import { useCollaboration, usePeers, type ConnectionStatus } from "./collab/useCollaboration";
import { ARTBOARD, EditorStage } from "./EditorStage";
import { loadFonts } from "./fonts";
import { HelpOverlay } from "./HelpOverlay";
import { LayersPanel } from "./LayersPanel";
import { PropertiesPanel } from "./PropertiesPanel";
import { GenerationPanel } from "../generate/GenerationPanel";
import { payloadOf, readPayload, type GeneratedImagePayload, type Generation, type GenerationImage, type GenerationSettings } from "../generate/generatedImage";
import { addShapes, createUndoManager, reorder, type CanvasDocument } from "./store/canvasDocument";
import { fitCamera, shapeBox, unionBox, zoomAt, type Box as Rect, type Camera } from "./store/geometry";
import { makeShape, type Shape } from "./store/shapeTypes";
import { useShapes } from "./store/useShapes";
import { TextEditOverlay } from "./TextEditOverlay";
import { Toolbar } from "./Toolbar";
import { CHECKERED } from "./images/checkerboard";
import { useImageUpload } from "./images/useImageUpload";
import { initials } from "../ui/initials";
import { createTools, type ToolContext, type ToolId } from "./tools";

type Me = { id: string; role: "owner" | "editor" | "viewer" };
type Props = { canvasId: string; canvasName: string; me: Me; onStatus?: (s: ConnectionStatus) => void };

const PASTE = ACTIONS.find((a) => a.id === "paste")!;

/** Generated images are small; they land on the artboard at this size (longer side). */
const GENERATED_SIDE = 320;

/** The live editor: the shared document, tools, panels, shortcuts and presence. */
export default function Editor({ canvasId, canvasName, me, onStatus }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refetchRole = useCallback(async () => (await queryClient.fetchQuery({ ...trpc.canvas.get.queryOptions({ id: canvasId }), staleTime: 0 })).role, [queryClient, trpc, canvasId]);
  const { session, status } = useCollaboration(canvasId, me.role, refetchRole);
  useEffect(() => onStatus?.(status), [status, onStatus]);
  const [fontsReady, setFontsReady] = useState(false);
  useEffect(() => void loadFonts().then(() => setFontsReady(true)), []);
  if (!session || !fontsReady) return null;
  return <EditorSurface canvasId={canvasId} canvas={session.canvas} provider={session.provider} canvasName={canvasName} me={me} status={status} />;
}

type SurfaceProps = { canvasId: string; canvas: CanvasDocument; provider: Parameters<typeof usePeers>[0]; canvasName: string; me: Me; status: ConnectionStatus };

function EditorSurface({ canvasId, canvas, provider, canvasName, me, status }: SurfaceProps) {
  const readOnly = me.role === "viewer";
  const { t } = useI18n();
  const shapes = useShapes(canvas);
  const peers = usePeers(provider);
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [toolId, setToolId] = useState<ToolId>("select");
  const [camera, setCameraState] = useState<Camera>({ x: 0, y: 0, scale: 0.5 });
  // What the stage shows right now: gestures move it ahead of `camera`, which follows once the
  // view rests. Everything that maps the screen to the canvas reads this one.
  const view = useRef<Camera>(camera);
  const setCamera = useCallback((next: Camera | ((c: Camera) => Camera)) => {
    view.current = typeof next === "function" ? next(view.current) : next;
    setCameraState(view.current);
  }, []);
  const [draft, setDraft] = useState<Shape | null>(null);
  const [marquee, setMarquee] = useState<Rect | null>(null);
  const [editingText, setEditingText] = useState<{ shape: Shape; isNew: boolean } | null>(null);
  const [help, setHelp] = useState(false);
  const narrow = useMediaQuery("(max-width: 48em)") ?? false;
  const [panelOpen, setPanelOpen] = useState(false);
  const [generateOpen, setGenerateOpen] = useState<boolean | null>(null);
  const showGenerate = generateOpen ?? !narrow;
  const [reuse, setReuse] = useState<{ settings: GenerationSettings; nonce: number } | null>(null);
  const [spacePan, setSpacePan] = useState(false);
  const [size, setSize] = useState({ width: 800, height: 600 });
  const [clipboard, setClipboard] = useState<{ shapes: Shape[] } | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage | null>(null);
  const tools = useMemo(createTools, []);
  const undo = useMemo<Y.UndoManager>(() => createUndoManager(canvas), [canvas]);
  const fitted = useRef(false);

  // Live refs so that tools and shortcuts always see the latest state without re-binding.
  const live = useRef({ shapes, selection });
  live.current = { shapes, selection };

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setSize({ width: entry!.contentRect.width, height: entry!.contentRect.height }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (fitted.current || size.width < 100) return;
    fitted.current = true;
    setCamera(fitCamera(ARTBOARD, size));
  }, [size]);

  // Drop selections of shapes that others deleted.
  useEffect(() => {
    const ids = new Set(shapes.map((s) => s.id));
    if ([...selection].some((id) => !ids.has(id))) setSelection(new Set([...selection].filter((id) => ids.has(id))));
  }, [shapes, selection]);

  useEffect(() => {
    provider?.awareness.setLocalStateField("selection", [...selection]);
  }, [selection, provider]);

  const select = useCallback((ids: string[]) => setSelection(new Set(ids)), []);
  const uploadImages = useImageUpload(canvasId, canvas, select);
  const fileInput = useRef<HTMLInputElement>(null);
  const viewportCentre = () => {
    const c = view.current;
    return { x: (size.width / 2 - c.x) / c.scale, y: (size.height / 2 - c.y) / c.scale };
  };
  const setTool = useCallback((t: ToolId) => setToolId(readOnly && t !== "select" && t !== "hand" ? "select" : t), [readOnly]);

  const startTextEdit = useCallback(
    (target: string | Shape) => {
      const shape = typeof target === "string" ? live.current.shapes.find((s) => s.id === target) : target;
      if (!shape) return;
      undo.stopCapturing();
      setEditingText({ shape, isNew: typeof target !== "string" });
    },
    [undo],
  );

  const toolContext: ToolContext = {
    canvas,
    shapes: () => live.current.shapes,
    selection: () => live.current.selection,
    select,
    setDraft,
    setMarquee,
    setTool,
    startTextEdit,
    checkpoint: () => undo.stopCapturing(),
    camera: () => view.current,
    setCamera,
  };

  /**
   * Only the shapes layer is drawn: no selection handles, guides, marquee or other people's
   * cursors. A selection exports alone on a transparent background; the canvas, on its artboard.
   */
  const exportPng = (pixelRatio: 1 | 2) => {
    const layer = stageRef.current?.getLayers()[0];
    if (!layer) return;
    const chosen = live.current.selection;
    const sel = live.current.shapes.filter((s) => chosen.has(s.id));
    const box = unionBox(sel.map(shapeBox)) ?? ARTBOARD;
    const cam = view.current;
    const others = sel.length ? layer.find((n: Konva.Node) => n.isVisible() && (n.name() === "artboard" || (!!n.id() && !chosen.has(n.id())))) : [];
    for (const n of others) n.hide();
    // The checkerboard behind transparent images is for the screen, not the file.
    const checkered = layer.find((n: Konva.Node) => n.getAttr(CHECKERED) === true) as Konva.Shape[];
    for (const n of checkered) n.fillEnabled(false);
    const url = layer.toDataURL({ x: cam.x + box.x * cam.scale, y: cam.y + box.y * cam.scale, width: box.width * cam.scale, height: box.height * cam.scale, pixelRatio: pixelRatio / cam.scale });
    for (const n of others) n.show();
    for (const n of checkered) n.fillEnabled(true);
    const a = document.createElement("a");
    a.href = url;
    a.download = `${canvasName.replace(/[^\p{L}\p{N} _-]+/gu, "").trim() || "canvas"}${sel.length ? "-selection" : ""}@${pixelRatio}x.png`;
    a.click();
  };

  const api: EditorApi = {
    canvas,
    readOnly,
    shapes: () => live.current.shapes,
    selection: () => live.current.selection,
    select,
    setTool,
    undo: () => undo.undo(),
    redo: () => undo.redo(),
    zoomBy: (f) => setCamera((c) => zoomAt(c, { x: size.width / 2, y: size.height / 2 }, f)),
    zoomToFit: () => setCamera(fitCamera(unionBox(live.current.shapes.map(shapeBox)) ?? ARTBOARD, size)),
    zoomTo100: () => setCamera((c) => zoomAt(c, { x: size.width / 2, y: size.height / 2 }, 1 / c.scale)),
    reorder: (move) => reorder(canvas, live.current.selection, move),
    clipboard,
    setClipboard,
    exportPng,
    toggleHelp: () => setHelp((h) => !h),
  };
  const apiRef = useRef(api);
  apiRef.current = api;
  const uploadRef = useRef(uploadImages);
  uploadRef.current = uploadImages;
  const centreRef = useRef(viewportCentre);
  centreRef.current = viewportCentre;

  const placeGenerated = useCallback(
    (image: GeneratedImagePayload, at: { x: number; y: number }) => {
      const k = GENERATED_SIDE / Math.max(image.width, image.height);
      const shape = makeShape("image", { x: at.x - (image.width * k) / 2, y: at.y - (image.height * k) / 2 }, {
        width: image.width * k,
        height: image.height * k,
        src: image.url,
        name: image.provenance.prompt.slice(0, 60),
        fill: "transparent",
        provenance: image.provenance,
      });
      addShapes(canvas, [shape]);
      select([shape.id]);
    },
    [canvas, select],
  );
  const reuseSettings = useCallback((settings: GenerationSettings) => {
    setReuse((r) => ({ settings, nonce: (r?.nonce ?? 0) + 1 }));
    setGenerateOpen(true);
  }, []);
  const placeFromPanel = useCallback((g: Generation, image: GenerationImage) => placeGenerated(payloadOf(g, image), centreRef.current()), [placeGenerated]);

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    if (readOnly) return;
    const rect = host.current!.getBoundingClientRect();
    const c = view.current;
    const at = { x: (e.clientX - rect.left - c.x) / c.scale, y: (e.clientY - rect.top - c.y) / c.scale };
    const generated = readPayload(e.dataTransfer);
    if (generated) placeGenerated(generated, at);
    else void uploadImages([...e.dataTransfer.files], at);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (e.key === " " && !e.repeat) {
        setSpacePan(true);
        e.preventDefault();
        return;
      }
      if (e.key === "Escape") {
        setSelection(new Set());
        setToolId("select");
        return;
      }
      const action = actionFor(e, readOnly);
      // Paste is left to the browser's paste event, which alone can carry images from the clipboard.
      if (!action || action.id === "paste") return;
      e.preventDefault();
      action.run(apiRef.current);
    };
    const onKeyUp = (e: KeyboardEvent) => e.key === " " && setSpacePan(false);
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (readOnly || (target && ["INPUT", "TEXTAREA"].includes(target.tagName))) return;
      const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith("image/"));
      e.preventDefault();
      if (files.length) void uploadRef.current(files, centreRef.current());
      else PASTE.run(apiRef.current); // shapes copied in the editor
    };
    window.addEventListener("paste", onPaste);
    window.addEventListener("keydown", onKey);
    window.addEventListener("keyup", onKeyUp);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("keyup", onKeyUp);
      window.removeEventListener("paste", onPaste);
    };
  }, [readOnly]);

  const selected = useMemo(() => shapes.filter((s) => selection.has(s.id)), [shapes, selection]);
  const onCursor = useCallback((p: { x: number; y: number } | null) => provider?.awareness.setLocalStateField("cursor", p), [provider]);

  const sidePanel = (
    <Box bg="white" h="100%" style={{ borderLeft: "1px solid var(--mantine-color-gray-2)", minHeight: 0, display: "grid", gridTemplateRows: "auto 1fr" }}>
        <Box p="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={6}>
            {selected.length > 1 ? t("editor.panel.selected", { count: selected.length }) : selected[0]?.name ?? t("editor.panel.design")}
          </Text>
          <PropertiesPanel canvasId={canvasId} canvas={canvas} selected={selected} readOnly={readOnly} onReuse={reuseSettings} />
        </Box>
        <Tabs defaultValue="layers" style={{ minHeight: 0, display: "grid", gridTemplateRows: "auto 1fr" }}>
          <Tabs.List>
            <Tabs.Tab value="layers">{t("editor.panel.layers")}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="layers" style={{ minHeight: 0 }}>
            <LayersPanel canvas={canvas} shapes={shapes} selection={selection} select={select} readOnly={readOnly} />
          </Tabs.Panel>
        </Tabs>
      </Box>
  );

  const generatePanel = <GenerationPanel canvasId={canvasId} me={me} reuse={reuse} onReuse={reuseSettings} onPlace={placeFromPanel} />;

  return (
    <Box style={{ display: "grid", gridTemplateColumns: narrow ? "1fr" : `${showGenerate ? "320px " : ""}1fr 260px`, height: "100%", minHeight: 0 }}>
      {!narrow && showGenerate && generatePanel}
      <Box
        ref={host}
        pos="relative"
        style={{ overflow: "hidden", backgroundColor: "var(--mantine-color-gray-1)", minWidth: 0 }}
        data-testid="editor-stage"
        data-camera={`${Math.round(camera.x)} ${Math.round(camera.y)} ${camera.scale.toFixed(3)}`}
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
      >
        <EditorStage
          canvas={canvas}
          shapes={shapes}
          selection={selection}
          tool={tools[toolId]}
          toolContext={toolContext}
          camera={camera}
          view={view}
          setCamera={setCamera}
          readOnly={readOnly}
          draft={draft}
          marquee={marquee}
          editingTextId={editingText?.shape.id ?? null}
          startTextEdit={startTextEdit}
          peers={peers}
          onCursor={onCursor}
          size={size}
          stageRef={stageRef}
          spacePan={spacePan}
        />
        {editingText && (
          <TextEditOverlay
            key={editingText.shape.id}
            canvas={canvas}
            shape={editingText.shape}
            isNew={editingText.isNew}
            camera={camera}
            onDone={(id) => {
              setEditingText(null);
              undo.stopCapturing();
              if (id) select([id]);
            }}
          />
        )}
        <Toolbar tool={toolId} setTool={setTool} readOnly={readOnly} onImage={() => fileInput.current?.click()} />
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          multiple
          hidden
          data-testid="image-input"
          onChange={(e) => {
            void uploadImages([...(e.target.files ?? [])], viewportCentre());
            e.target.value = "";
          }}
        />
        <Group pos="absolute" bottom={12} left={12} gap={6}>
          <ConnectionBadge status={status} />
          <Paper withBorder radius="md" px={4} shadow="xs">
            <Group gap={0}>
              <Button variant="subtle" color="gray" size="compact-sm" aria-label={t("editor.action.zoomOut")} onClick={() => api.zoomBy(0.8)}>
                <IconMinus size={14} />
              </Button>
              <Tooltip label={`${t("editor.action.zoomFit")} (⇧1)`}>
                <Button variant="subtle" color="gray" size="compact-sm" onClick={() => api.zoomToFit()} data-testid="zoom-level">
                  {Math.round(camera.scale * 100)} %
                </Button>
              </Tooltip>
              <Button variant="subtle" color="gray" size="compact-sm" aria-label={t("editor.action.zoomIn")} onClick={() => api.zoomBy(1.25)}>
                <IconPlus size={14} />
              </Button>
            </Group>
          </Paper>
        </Group>
        <Group pos="absolute" top={12} left={12} gap={6}>
          <Button
            variant={showGenerate ? "light" : "default"}
            size="compact-sm"
            leftSection={narrow ? undefined : <IconSparkles size={14} />}
            onClick={() => setGenerateOpen(!showGenerate)}
            aria-pressed={showGenerate}
            aria-label={t("generate.toggle")}
            data-testid="toggle-generate"
          >
            {narrow ? <IconSparkles size={16} /> : t("generate.title")}
          </Button>
        </Group>
        <Group pos="absolute" top={12} right={12} gap={6}>
          <PeerAvatars peers={peers} />
          {narrow && (
            <Button variant="default" size="compact-sm" leftSection={<IconLayoutSidebarRight size={14} />} onClick={() => setPanelOpen((o) => !o)}>
              {t("editor.panel.layers")}
            </Button>
          )}
          <Tooltip label={`${t("editor.action.help")} (?)`}>
            <Button variant="default" size="compact-sm" onClick={() => setHelp(true)} aria-label={t("editor.action.help")}>
              <IconKeyboard size={16} />
            </Button>
          </Tooltip>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" size="compact-sm" leftSection={<IconDownload size={14} />}>
                {t("editor.export")}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t(selection.size ? "editor.export.selection" : "editor.export.artboard")}</Menu.Label>
              <Menu.Item onClick={() => exportPng(1)}>PNG 1×</Menu.Item>
              <Menu.Item onClick={() => exportPng(2)}>PNG 2×</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Box>
      {narrow ? (
        <Drawer opened={panelOpen} onClose={() => setPanelOpen(false)} position="bottom" size="60%" title={t("editor.panel.design")} withOverlay={false}>
          {sidePanel}
        </Drawer>
      ) : (
        sidePanel
      )}
      {narrow && (
        <Drawer opened={showGenerate} onClose={() => setGenerateOpen(false)} position="left" size="88%" withCloseButton={false} padding={0} styles={{ body: { height: "100%" } }}>
          <Box h="100dvh">
            <GenerationPanel canvasId={canvasId} me={me} reuse={reuse} onReuse={reuseSettings} onPlace={placeFromPanel} onClose={() => setGenerateOpen(false)} />
          </Box>
        </Drawer>
      )}
      <HelpOverlay opened={help} onClose={() => setHelp(false)} />
    </Box>
  );
}

/** Who else is here; a dot marks those whose cursor is on the canvas. */
function PeerAvatars({ peers }: { peers: ReturnType<typeof usePeers> }) {
  const { t } = useI18n();
  const unique = [...new Map(peers.map((p) => [p.user.id, p])).values()];
  return (
    <Avatar.Group>
      {unique.map((p) => (
        <Tooltip key={p.user.id} label={t("editor.peer.here", { name: p.user.name })}>
          <Indicator color="teal" size={8} offset={4} disabled={!p.cursor} withBorder>
            <Avatar size={28} radius="xl" color={p.user.color} variant="filled" aria-label={t("editor.peer.here", { name: p.user.name })} data-testid="peer-avatar" data-has-cursor={p.cursor ? "true" : "false"} style={{ background: p.user.color }}>
              {initials(p.user.name)}
            </Avatar>
          </Indicator>
        </Tooltip>
      ))}
    </Avatar.Group>
  );
}

function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useI18n();
  const colors: Record<ConnectionStatus, string> = { connected: "teal", connecting: "yellow", offline: "orange", revoked: "red", deleted: "red" };
  const color = colors[status];
  return (
    <Badge color={color} variant="light" size="lg" radius="md" data-testid="connection-status" data-status={status} leftSection={<Box w={8} h={8} bg={`${color}.6`} style={{ borderRadius: 4 }} />}>
      {t(`editor.status.${status}`)}
    </Badge>
  );
}

