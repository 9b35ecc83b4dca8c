"use client";

import type Konva from "konva";
import { useEffect, useRef } from "react";
import { Transformer } from "react-konva";
import { shapeBox } from "../store/geometry";
import type { Shape } from "../store/shapeTypes";
import { useEditor, useEditorStore } from "../store/useEditor";
import { snapResizeOnScreen, transformPatch, type ScreenBox } from "../tools/gestures/resizeGesture";

const ROTATION_SNAPS = [0, 45, 90, 135, 180, 225, 270, 315];

/** Handles around the selection: resize (snapping moving edges) and rotate; one write at the end. */
export function SelectionTransformer({ stageRef }: { stageRef: React.RefObject<Konva.Stage | null> }) {
  const store = useEditorStore();
  const transformer = useRef<Konva.Transformer>(null);
  const selection = useEditor((s) => s.selection);
  const shapes = useEditor((s) => s.shapes);
  const editingId = useEditor((s) => s.editingText?.shape.id ?? null);

  useEffect(() => {
    const stage = stageRef.current;
    const tr = transformer.current;
    if (!stage || !tr) return;
    const nodes = store.readOnly ? [] : [...selection].map((id) => stage.findOne((n: Konva.Node) => n.id() === id)).filter((n): n is Konva.Node => !!n);
    const lockedOrHidden = shapes.some((s) => selection.has(s.id) && (s.locked || s.hidden));
    tr.nodes(lockedOrHidden ? [] : nodes);
    tr.getLayer()?.batchDraw();
  }, [selection, shapes, store, stageRef, editingId]);

  const boundBox = (before: ScreenBox, after: ScreenBox): ScreenBox => {
    const { shapes: all, selection: sel } = store.getState();
    const others = [...all.filter((s) => !sel.has(s.id) && !s.hidden).map(shapeBox), store.getState().artboard];
    const { box, guides } = snapResizeOnScreen(before, after, store.camera(), others);
    store.setGuides(guides);
    return box;
  };

  const onTransformEnd = () => {
    store.setGuides([]);
    const byId = new Map(store.getState().shapes.map((s) => [s.id, s]));
    const patches = new Map<string, Partial<Shape>>();
    for (const node of transformer.current?.nodes() ?? []) {
      const s = byId.get(node.id());
      if (!s) continue;
      const [scaleX, scaleY] = [node.scaleX(), node.scaleY()];
      node.scale({ x: 1, y: 1 });
      patches.set(s.id, transformPatch(s, { x: node.x(), y: node.y(), rotation: node.rotation(), scaleX, scaleY }));
    }
    store.updateShapes(patches.keys(), (s) => patches.get(s.id)!);
  };

  return (
    <Transformer
      ref={transformer}
      rotateEnabled
      keepRatio={false}
      onTransformEnd={onTransformEnd}
      boundBoxFunc={boundBox}
      anchorSize={8}
      anchorCornerRadius={2}
      borderStroke="#7950f2"
      anchorStroke="#7950f2"
      rotationSnaps={ROTATION_SNAPS}
    />
  );
}
