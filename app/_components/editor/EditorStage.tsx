"use client";

import type Konva from "konva";
import { useEffect, useMemo, useRef, useState } from "react";
import { Group, Layer, Line, Rect, Stage, Transformer } from "react-konva";
import { updateShapes, type CanvasDocument } from "./store/canvasDocument";
import { shapeBox, unionBox, zoomAt, type Box, type Camera } from "./store/geometry";
import type { Shape } from "./store/shapeTypes";
import { snapBox, snapResize, type Guide } from "./store/snapping";
import { ShapeNode } from "./shapes/ShapeNode";
import { PresenceLayer } from "./PresenceLayer";
import type { PeerState } from "./collab/useCollaboration";
import type { Tool, ToolContext } from "./tools";

export const ARTBOARD: Box = { x: 0, y: 0, width: 1200, height: 1200 };

type Props = {
  canvas: CanvasDocument;
  shapes: Shape[];
  selection: Set<string>;
  tool: Tool;
  toolContext: ToolContext;
  /** The camera React last rendered with. */
  camera: Camera;
  /** The camera the stage shows right now, ahead of `camera` while a gesture moves it. */
  view: React.RefObject<Camera>;
  setCamera: (c: Camera) => void;
  readOnly: boolean;
  draft: Shape | null;
  marquee: Box | null;
  editingTextId: string | null;
  startTextEdit: (id: string) => void;
  peers: PeerState[];
  onCursor: (p: { x: number; y: number } | null) => void;
  size: { width: number; height: number };
  stageRef: React.RefObject<Konva.Stage | null>;
  spacePan: boolean;
};

type TransformBox = { x: number; y: number; width: number; height: number; rotation: number };

/** The Konva stage: renders shapes, forwards pointer input to the current tool, moves and transforms. */
export function EditorStage(p: Props) {
  const transformer = useRef<Konva.Transformer>(null);
  const [guides, setGuides] = useState<Guide[]>([]);
  const dragStart = useRef<{ id: string; positions: Map<string, { x: number; y: number }>; box: Box } | null>(null);
  const panning = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const stage = p.stageRef.current;
    const tr = transformer.current;
    if (!stage || !tr) return;
    const nodes = p.readOnly ? [] : [...p.selection].map((id) => stage.findOne((n: Konva.Node) => n.id() === id)).filter((n): n is Konva.Node => !!n);
    const lockedOrHidden = p.shapes.some((s) => p.selection.has(s.id) && (s.locked || s.hidden));
    tr.nodes(lockedOrHidden ? [] : nodes);
    tr.getLayer()?.batchDraw();
  }, [p.selection, p.shapes, p.readOnly, p.stageRef, p.editingTextId]);

  // The camera the stage shows right now. Pans, zooms and pinches move the stage directly and
  // reach React only once the view rests: re-rendering the stage on every frame costs React a
  // walk over every shape's fiber, which at thousands of shapes is most of a frame.
  const view = p.view;
  const moveView = (next: Camera) => {
    const stage = p.stageRef.current;
    if (!stage) return;
    view.current = next;
    stage.position({ x: next.x, y: next.y });
    stage.scale({ x: next.scale, y: next.scale });
    moving();
    stage.batchDraw();
  };
  const toolContext: ToolContext = { ...p.toolContext, camera: () => view.current, setCamera: moveView };

  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ distance: number; centre: { x: number; y: number }; camera: Camera } | null>(null);
  /** After a pinch, the fingers' remaining events belong to no tool until all are lifted. */
  const ignoreUntilLifted = useRef(false);
  const screenOf = (e: Konva.KonvaEventObject<PointerEvent>) => {
    const rect = e.target.getStage()!.container().getBoundingClientRect();
    return { x: e.evt.clientX - rect.left, y: e.evt.clientY - rect.top };
  };
  const pinchState = () => {
    const [a, b] = [...pointers.current.values()] as [{ x: number; y: number }, { x: number; y: number }];
    return { distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)), centre: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  };

  const info = (e: Konva.KonvaEventObject<PointerEvent>) => {
    const stage = e.target.getStage()!;
    const screen = stage.getPointerPosition() ?? { x: 0, y: 0 };
    const cam = view.current;
    const world = { x: (screen.x - cam.x) / cam.scale, y: (screen.y - cam.y) / cam.scale };
    const target = e.target.hasName("shape") ? e.target.id() : null;
    return { screen, world, shift: e.evt.shiftKey, targetId: target };
  };

  const onPointerDown = (e: Konva.KonvaEventObject<PointerEvent>) => {
    // Only fingers pinch: a mouse released outside the stage must not leave a pointer behind.
    if (e.evt.pointerType === "touch") pointers.current.set(e.evt.pointerId, screenOf(e));
    if (pointers.current.size === 2) {
      p.tool.cancel(toolContext);
      cancelDrag();
      panning.current = null;
      ignoreUntilLifted.current = true;
      pinch.current = { ...pinchState(), camera: view.current };
      return;
    }
    if (ignoreUntilLifted.current) return;
    if (e.target.getParent()?.className === "Transformer") return;
    if (p.spacePan || e.evt.button === 1) {
      panning.current = e.target.getStage()!.getPointerPosition();
      return;
    }
    if (e.evt.button !== 0) return;
    p.tool.down(toolContext, info(e));
  };
  const onPointerMove = (e: Konva.KonvaEventObject<PointerEvent>) => {
    if (pointers.current.has(e.evt.pointerId)) pointers.current.set(e.evt.pointerId, screenOf(e));
    const start = pinch.current;
    if (start && pointers.current.size >= 2) {
      const now = pinchState();
      const scale = Math.min(16, Math.max(0.05, start.camera.scale * (now.distance / start.distance)));
      // The world point under the fingers' first centre follows their centre now.
      const wx = (start.centre.x - start.camera.x) / start.camera.scale;
      const wy = (start.centre.y - start.camera.y) / start.camera.scale;
      moveView({ scale, x: now.centre.x - wx * scale, y: now.centre.y - wy * scale });
      return;
    }
    if (ignoreUntilLifted.current) return;
    const i = info(e);
    p.onCursor(i.world);
    if (panning.current) {
      const cam = view.current;
      moveView({ ...cam, x: cam.x + i.screen.x - panning.current.x, y: cam.y + i.screen.y - panning.current.y });
      panning.current = i.screen;
      return;
    }
    p.tool.move(toolContext, i);
  };
  /** The browser took the pointer away (a system gesture, a lost touch): forget it and its gesture. */
  const onPointerCancel = (e: Konva.KonvaEventObject<PointerEvent>) => {
    pointers.current.delete(e.evt.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
    if (pointers.current.size === 0) ignoreUntilLifted.current = false;
    panning.current = null;
    p.tool.cancel(toolContext);
  };

  const onPointerUp = (e: Konva.KonvaEventObject<PointerEvent>) => {
    pointers.current.delete(e.evt.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
    if (ignoreUntilLifted.current) {
      if (pointers.current.size === 0) ignoreUntilLifted.current = false;
      return;
    }
    if (panning.current) {
      panning.current = null;
      return;
    }
    p.tool.up(toolContext, info(e));
  };

  // While the view moves, the shapes are drawn from one cached bitmap and the hit canvas is not
  // redrawn; once the view is still for a moment, they are drawn sharp again.
  const shapesLayer = useRef<Konva.Layer>(null);
  const shapesGroup = useRef<Konva.Group>(null);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(settle.current ?? undefined), []);
  const moving = () => {
    const group = shapesGroup.current;
    if (!settle.current && group && group.getChildren().length > 200) group.cache({ pixelRatio: Math.min(2, p.camera.scale * 1.5) });
    shapesLayer.current?.listening(false);
    if (settle.current) clearTimeout(settle.current);
    settle.current = setTimeout(() => {
      settle.current = null;
      shapesGroup.current?.clearCache();
      shapesLayer.current?.listening(true);
      shapesLayer.current?.batchDraw();
      p.setCamera(view.current);
    }, 150);
  };

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const screen = e.target.getStage()!.getPointerPosition() ?? { x: 0, y: 0 };
    const cam = view.current;
    if (e.evt.ctrlKey || e.evt.metaKey) moveView(zoomAt(cam, screen, Math.exp(-e.evt.deltaY * 0.01)));
    else moveView({ ...cam, x: cam.x - (e.evt.shiftKey ? e.evt.deltaY : e.evt.deltaX), y: cam.y - (e.evt.shiftKey ? 0 : e.evt.deltaY) });
  };

  const stageNode = (id: string) => p.stageRef.current?.findOne((n: Konva.Node) => n.id() === id);

  const onDragStart = (e: Konva.KonvaEventObject<DragEvent>) => {
    const id = e.target.id();
    const moving = p.selection.has(id) ? p.shapes.filter((s) => p.selection.has(s.id) && !s.locked) : p.shapes.filter((s) => s.id === id);
    if (!p.selection.has(id)) p.toolContext.select([id]);
    dragStart.current = {
      id,
      positions: new Map(moving.map((s) => [s.id, { x: s.x, y: s.y }])),
      box: unionBox(moving.map(shapeBox))!,
    };
  };
  const onDragMove = (e: Konva.KonvaEventObject<DragEvent>) => {
    const start = dragStart.current;
    if (!start) return;
    const origin = start.positions.get(start.id)!;
    let dx = e.target.x() - origin.x;
    let dy = e.target.y() - origin.y;
    const others = [...p.shapes.filter((s) => !start.positions.has(s.id) && !s.hidden).map(shapeBox), ARTBOARD];
    const snap = snapBox({ ...start.box, x: start.box.x + dx, y: start.box.y + dy }, others, 6 / p.camera.scale);
    dx += snap.dx;
    dy += snap.dy;
    setGuides(snap.guides);
    for (const [id, pos] of start.positions) stageNode(id)?.position({ x: pos.x + dx, y: pos.y + dy });
  };
  /** A drag that turned into a pinch: the shapes go back where they were and nothing is written. */
  const cancelDrag = () => {
    const start = dragStart.current;
    if (!start) return;
    dragStart.current = null;
    setGuides([]);
    for (const [id, at] of start.positions) {
      const node = stageNode(id);
      node?.stopDrag();
      node?.position(at);
    }
    p.stageRef.current?.batchDraw();
  };

  const onDragEnd = () => {
    const start = dragStart.current;
    dragStart.current = null;
    setGuides([]);
    if (!start) return;
    const moved = new Map([...start.positions.keys()].map((id) => [id, stageNode(id)?.position()]));
    updateShapes(p.canvas, start.positions.keys(), (s) => ({ x: moved.get(s.id)?.x ?? s.x, y: moved.get(s.id)?.y ?? s.y }));
  };

  /** Resizing snaps the moving edges; Konva's boxes are in screen pixels, snapping works in canvas units. */
  const boundResize = (before: TransformBox, after: TransformBox): TransformBox => {
    if (Math.abs(after.rotation) > 1e-6) return after;
    const cam = view.current;
    const toCanvas = (b: TransformBox) => ({ x: (b.x - cam.x) / cam.scale, y: (b.y - cam.y) / cam.scale, width: b.width / cam.scale, height: b.height / cam.scale });
    const others = [...p.shapes.filter((s) => !p.selection.has(s.id) && !s.hidden).map(shapeBox), ARTBOARD];
    const { box, guides: lines } = snapResize(toCanvas(before), toCanvas(after), others, 6 / cam.scale);
    setGuides(lines);
    return { x: box.x * cam.scale + cam.x, y: box.y * cam.scale + cam.y, width: box.width * cam.scale, height: box.height * cam.scale, rotation: after.rotation };
  };

  const onTransformEnd = () => {
    setGuides([]);
    const nodes = transformer.current?.nodes() ?? [];
    const patches = new Map<string, Partial<Shape>>();
    for (const node of nodes) {
      const s = p.shapes.find((x) => x.id === node.id());
      if (!s) continue;
      const [sx, sy] = [node.scaleX(), node.scaleY()];
      node.scale({ x: 1, y: 1 });
      const base = { x: node.x(), y: node.y(), rotation: node.rotation() };
      if (s.points) patches.set(s.id, { ...base, points: s.points.map((v, i) => v * (i % 2 === 0 ? sx : sy)), strokeWidth: s.strokeWidth });
      else if (s.type === "text") patches.set(s.id, { ...base, width: Math.max(20, s.width * sx), fontSize: Math.max(6, Math.round((s.fontSize ?? 40) * sy)) });
      else patches.set(s.id, { ...base, width: Math.max(2, s.width * sx), height: Math.max(2, s.height * sy) });
    }
    updateShapes(p.canvas, patches.keys(), (s) => patches.get(s.id)!);
  };

  // Stable handlers for the memoised shapes; they read the latest props through a ref.
  const handlers = useRef({ onDragStart, onDragMove, onDragEnd, onDblClick: (_id: string) => {} });
  handlers.current = {
    onDragStart,
    onDragMove,
    onDragEnd,
    onDblClick: (id: string) => {
      const s = p.shapes.find((x) => x.id === id);
      if (!p.readOnly && s?.type === "text") p.startTextEdit(id);
    },
  };
  const stable = useMemo(
    () => ({
      onDragStart: (e: Konva.KonvaEventObject<DragEvent>) => handlers.current.onDragStart(e),
      onDragMove: (e: Konva.KonvaEventObject<DragEvent>) => handlers.current.onDragMove(e),
      onDragEnd: () => handlers.current.onDragEnd(),
      onDblClick: (id: string) => handlers.current.onDblClick(id),
    }),
    [],
  );

  // The same element list while only the camera changes, so React skips every shape at once.
  const shapeNodes = useMemo(
    () =>
      p.shapes.map((s) => (
        <ShapeNode
          key={s.id}
          shape={s}
          draggable={!p.readOnly && !p.spacePan}
          editingText={p.editingTextId === s.id}
          onDragStart={stable.onDragStart}
          onDragMove={stable.onDragMove}
          onDragEnd={stable.onDragEnd}
          onDblClick={stable.onDblClick}
        />
      )),
    [p.shapes, p.readOnly, p.spacePan, p.editingTextId, stable],
  );

  const scale = p.camera.scale;
  return (
    <Stage
      ref={p.stageRef}
      width={p.size.width}
      height={p.size.height}
      x={p.camera.x}
      y={p.camera.y}
      scaleX={scale}
      scaleY={scale}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      onPointerLeave={() => p.onCursor(null)}
      onWheel={onWheel}
      style={{ cursor: p.spacePan ? "grab" : p.tool.cursor, touchAction: "none" }}
    >
      <Layer ref={shapesLayer}>
        <Rect name="artboard" {...ARTBOARD} fill="white" shadowColor="black" shadowOpacity={0.08} shadowBlur={30 / scale} shadowOffsetY={8 / scale} listening={false} />
        <Group ref={shapesGroup}>{shapeNodes}</Group>
        {p.draft && <ShapeNode shape={p.draft} draggable={false} editingText={false} />}
      </Layer>
      <Layer>
        <Transformer
          ref={transformer}
          rotateEnabled
          keepRatio={false}
          onTransformEnd={onTransformEnd}
          boundBoxFunc={boundResize}
          anchorSize={8}
          anchorCornerRadius={2}
          borderStroke="#7950f2"
          anchorStroke="#7950f2"
          rotationSnaps={[0, 45, 90, 135, 180, 225, 270, 315]}
        />
        {p.marquee && <Rect {...p.marquee} fill="rgba(121,80,242,0.08)" stroke="#7950f2" strokeWidth={1 / scale} listening={false} />}
        {guides.map((g, i) => (
          <Line key={i} points={g.axis === "x" ? [g.at, -1e5, g.at, 1e5] : [-1e5, g.at, 1e5, g.at]} stroke="#f03e3e" strokeWidth={1 / scale} listening={false} />
        ))}
        <PresenceLayer peers={p.peers} shapes={p.shapes} scale={scale} />
      </Layer>
    </Stage>
  );
}
