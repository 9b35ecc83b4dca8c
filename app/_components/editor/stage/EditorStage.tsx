"use client";

import type Konva from "konva";
import { useEffect, useMemo, useRef } from "react";
import { Group, Layer, Line, Rect, Stage } from "react-konva";
import type { PeerState } from "../collab/useCollaboration";
import { PresenceLayer } from "../PresenceLayer";
import { ShapeNode } from "../shapes/ShapeNode";
import { useEditor, useEditorStore } from "../store/useEditor";
import type { Tool, ToolId } from "../tools";
import { artboardSnapshot } from "./artboardSnapshot";
import { download, exportLayerPng } from "./exportPng";
import { PrintAreaGuides } from "./PrintAreaGuides";
import { SelectionTransformer } from "./SelectionTransformer";
import { useShapePreview } from "./useShapePreview";
import { useStageInput } from "./useStageInput";
import { useViewFollow } from "./useViewFollow";

type Props = {
  tools: Record<ToolId, Tool>;
  peers: PeerState[];
  onCursor: (p: { x: number; y: number } | null) => void;
  canvasName: string;
};

/** The Konva stage: a view of the editor store. Input goes to gestures and tools; it draws state. */
export function EditorStage({ tools, peers, onCursor, canvasName }: Props) {
  const store = useEditorStore();
  const shapes = useEditor((s) => s.shapes);
  const camera = useEditor((s) => s.camera);
  const viewport = useEditor((s) => s.viewport);
  const toolId = useEditor((s) => s.tool);
  const draft = useEditor((s) => s.draft);
  const marquee = useEditor((s) => s.marquee);
  const guides = useEditor((s) => s.guides);
  const spacePan = useEditor((s) => s.spacePan);
  const editingId = useEditor((s) => s.editingText?.shape.id ?? null);
  const artboard = useEditor((s) => s.artboard);
  const area = useEditor((s) => s.area);
  const backdrop = useEditor((s) => s.backdrop);
  const checkerboard = useEditor((s) => s.areas.length === 0);
  const stageRef = useRef<Konva.Stage | null>(null);
  const shapesLayer = useRef<Konva.Layer>(null);
  const shapesGroup = useRef<Konva.Group>(null);

  useViewFollow(store, stageRef, shapesLayer, shapesGroup);
  useShapePreview(store, stageRef);
  const input = useStageInput(store, () => tools[store.getState().tool], onCursor);

  useEffect(() => {
    store.stage.setExporter((pixelRatio) => {
      const layer = shapesLayer.current;
      if (!layer) return;
      const { shapes: all, selection, artboard: board } = store.getState();
      download(exportLayerPng(layer, store.camera(), board, all, selection, pixelRatio), canvasName, selection.size > 0, pixelRatio);
    });
    return () => store.stage.setExporter(null);
  }, [store, canvasName]);

  useEffect(() => {
    store.stage.setArtboardSource({
      render: (width) => (shapesGroup.current ? artboardSnapshot(shapesGroup.current, store.camera(), store.getState().artboard, width) : null),
      onDrawn: (listener) => {
        const layer = shapesLayer.current;
        layer?.on("draw.artboard", listener);
        return () => void layer?.off("draw.artboard", listener);
      },
    });
    return () => store.stage.setArtboardSource(null);
  }, [store]);

  const onDblClick = useMemo(
    () => (id: string) => {
      const s = store.getState().shapes.find((x) => x.id === id);
      if (!store.readOnly && s?.type === "text") store.startTextEdit(id);
    },
    [store],
  );

  // The same element list while only the camera changes, so React skips every shape at once.
  const shapeNodes = useMemo(
    () =>
      shapes.map((s) => (
        <ShapeNode key={s.id} shape={s} editingText={editingId === s.id} checkerboard={checkerboard} onDblClick={onDblClick} />
      )),
    [shapes, editingId, onDblClick],
  );

  const scale = camera.scale;
  return (
    <Stage
      ref={stageRef}
      width={viewport.width}
      height={viewport.height}
      x={camera.x}
      y={camera.y}
      scaleX={scale}
      scaleY={scale}
      {...input}
      style={{ cursor: spacePan ? "grab" : tools[toolId].cursor, touchAction: "none" }}
    >
      <Layer ref={shapesLayer}>
        <Rect name="artboard" {...artboard} fill={backdrop} shadowColor="black" shadowOpacity={0.08} shadowBlur={30 / scale} shadowOffsetY={8 / scale} listening={false} />
        {/* On a product, what falls outside the print area is not printed, so it is not shown. */}
        <Group ref={shapesGroup} {...(area ? { clipX: artboard.x, clipY: artboard.y, clipWidth: artboard.width, clipHeight: artboard.height } : {})}>
          {shapeNodes}
        </Group>
        {draft && <ShapeNode shape={draft} editingText={false} checkerboard={checkerboard} />}
      </Layer>
      <Layer>
        {area && <PrintAreaGuides area={area} scale={scale} />}
        <SelectionTransformer stageRef={stageRef} />
        {marquee && <Rect {...marquee} fill="rgba(121,80,242,0.08)" stroke="#7950f2" strokeWidth={1 / scale} listening={false} />}
        {guides.map((g, i) => (
          <Line key={i} points={g.axis === "x" ? [g.at, -1e5, g.at, 1e5] : [-1e5, g.at, 1e5, g.at]} stroke="#f03e3e" strokeWidth={1 / scale} listening={false} />
        ))}
        <PresenceLayer peers={peers} shapes={shapes} scale={scale} />
      </Layer>
    </Stage>
  );
}
