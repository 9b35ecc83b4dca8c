"use client";

import type Konva from "konva";
import { useMemo, useRef } from "react";
import type { EditorStore } from "../store/editorStore";
import { DragGesture } from "../tools/gestures/dragGesture";

/**
 * Moving shapes with Konva's drag: the DOM-free DragGesture decides what moves and how it snaps;
 * the nodes follow it during the drag and the document is written once, at the end.
 */
export function useShapeDrag(store: EditorStore, stageRef: React.RefObject<Konva.Stage | null>) {
  const drag = useRef<DragGesture | null>(null);
  return useMemo(() => {
    const node = (id: string) => stageRef.current?.findOne((n: Konva.Node) => n.id() === id);
    const cancel = () => {
      const g = drag.current;
      if (!g) return;
      drag.current = null;
      store.setGuides([]);
      for (const [id, at] of g.origins()) {
        const n = node(id);
        n?.stopDrag();
        n?.position(at);
      }
      stageRef.current?.batchDraw();
    };
    return {
      cancel,
      onDragStart: (e: Konva.KonvaEventObject<DragEvent>) => {
        const id = e.target.id();
        const { shapes, selection } = store.getState();
        if (!selection.has(id)) store.select([id]);
        drag.current = DragGesture.begin(id, shapes, selection, store.getState().artboard);
      },
      onDragMove: (e: Konva.KonvaEventObject<DragEvent>) => {
        const g = drag.current;
        if (!g) return;
        const frame = g.move({ x: e.target.x(), y: e.target.y() }, 6 / store.camera().scale);
        store.setGuides(frame.guides);
        for (const [id, at] of frame.positions) node(id)?.position(at);
      },
      onDragEnd: () => {
        const g = drag.current;
        drag.current = null;
        store.setGuides([]);
        if (!g) return;
        const moved = new Map(g.ids().map((id) => [id, node(id)?.position()]));
        store.updateShapes(g.ids(), (s) => ({ x: moved.get(s.id)?.x ?? s.x, y: moved.get(s.id)?.y ?? s.y }));
      },
    };
  }, [store, stageRef]);
}
