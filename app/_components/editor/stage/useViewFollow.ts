"use client";

import type Konva from "konva";
import { useEffect } from "react";
import type { EditorStore } from "../store/editorStore";

/** Above this many shapes, a moving view draws them from one cached bitmap. */
const CACHE_ABOVE = 200;

/**
 * The Konva stage follows the live camera directly while a gesture moves it. Meanwhile the shapes
 * are drawn from one cached bitmap and the hit canvas is not redrawn; once the view rests they are
 * drawn sharp again (and React renders the resting camera).
 */
export function useViewFollow(store: EditorStore, stageRef: React.RefObject<Konva.Stage | null>, layerRef: React.RefObject<Konva.Layer | null>, groupRef: React.RefObject<Konva.Group | null>) {
  useEffect(() => {
    let cached = false;
    return store.onView((view, resting) => {
      const stage = stageRef.current;
      if (!stage) return;
      const group = groupRef.current;
      if (resting) {
        if (cached) group?.clearCache();
        cached = false;
        layerRef.current?.listening(true);
      } else {
        if (!cached && group && group.getChildren().length > CACHE_ABOVE) {
          group.cache({ pixelRatio: Math.min(2, store.getState().camera.scale * 1.5) });
          cached = true;
        }
        layerRef.current?.listening(false);
      }
      stage.position({ x: view.x, y: view.y });
      stage.scale({ x: view.scale, y: view.scale });
      stage.batchDraw();
    });
  }, [store, stageRef, layerRef, groupRef]);
}
