"use client";

import type Konva from "konva";
import { useEffect } from "react";
import type { EditorStore } from "../store/editorStore";

/**
 * Moves shape nodes to where a gesture shows them (dragging the selection), without React: one
 * frame of a drag re-renders nothing. When the preview ends, the nodes go where the document has
 * them now (moved on release, or unchanged when the gesture was dropped).
 */
export function useShapePreview(store: EditorStore, stageRef: React.RefObject<Konva.Stage | null>): void {
  useEffect(() => {
    const moved = new Set<string>();
    const node = (id: string) => stageRef.current?.findOne((n: Konva.Node) => n.id() === id && n.hasName("shape"));
    return store.stage.onPreview((positions) => {
      if (positions) {
        for (const [id, at] of positions) {
          node(id)?.position(at);
          moved.add(id);
        }
      } else {
        const byId = new Map(store.getState().shapes.map((s) => [s.id, s]));
        for (const id of moved) {
          const s = byId.get(id);
          if (s) node(id)?.position({ x: s.x, y: s.y });
        }
        moved.clear();
      }
      stageRef.current?.batchDraw();
    });
  }, [store, stageRef]);
}
