"use client";

import { useMemo, useSyncExternalStore } from "react";
import { orderedShapes, type CanvasDocument } from "./canvasDocument";
import type { Shape } from "./shapeTypes";

const versions = new WeakMap<CanvasDocument, number>();

/** Shapes bottom to top, re-read after every transaction on the shared document. */
export function useShapes(d: CanvasDocument | undefined): Shape[] {
  const version = useSyncExternalStore(
    (cb) => {
      if (!d) return () => {};
      const bump = () => {
        versions.set(d, (versions.get(d) ?? 0) + 1);
        cb();
      };
      d.doc.on("afterTransaction", bump);
      return () => d.doc.off("afterTransaction", bump);
    },
    () => (d ? (versions.get(d) ?? 0) : -1),
    () => -1,
  );
  return useMemo(() => (d ? orderedShapes(d) : []), [d, version]);
}
