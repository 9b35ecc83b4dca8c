"use client";

import { useMemo } from "react";
import { orderedShapes } from "@/domain/document/canvasDoc";
import { useEditor, useEditorStore } from "../editor/store/useEditor";
import { preflight, type Issue } from "@/domain/design/preflight";
import type { CanvasProduct } from "./useCanvasProduct";
import { useImageSizes } from "./useImageSizes";

/** The preflight of every print area, recomputed whenever anyone's edit reaches this editor. */
export function usePreflight(canvasId: string, bound: CanvasProduct): Issue[] {
  const store = useEditorStore();
  // The visible area's shapes change with every edit; the others are read from the document.
  const shapes = useEditor((s) => s.shapes);
  const all = useMemo(() => (shapes ? orderedShapes(store.canvas) : []), [shapes, store]);
  const srcs = useMemo(() => all.flatMap((s) => (s.type === "image" && s.src ? [s.src] : [])), [all]);
  const sizes = useImageSizes(canvasId, srcs);
  return useMemo(() => (bound ? preflight(bound.product, all, sizes) : []), [bound, all, sizes]);
}
