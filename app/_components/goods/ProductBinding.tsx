"use client";

import { useEffect } from "react";
import { useEditorStore } from "../editor/store/useEditor";
import { artboardColor, useCanvasProduct } from "./useCanvasProduct";

/** Keeps the editor's artboards on the canvas's product: one per print area, in the product's colour. */
export function ProductBinding({ canvasId }: { canvasId: string }) {
  const store = useEditorStore();
  const bound = useCanvasProduct(canvasId, store.canvas.doc);
  useEffect(() => {
    store.setAreas(bound?.product.printAreas ?? []);
    store.setBackdrop(artboardColor(bound));
  }, [store, bound]);
  return null;
}
