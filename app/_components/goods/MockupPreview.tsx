"use client";

import { Box } from "@mantine/core";
import { useEffect, useRef } from "react";
import type { PrintArea, Product } from "@/domain/catalog/catalog";
import { printPixelsIn, renderMockup, type MakeCanvas } from "@/domain/mockup/renderMockup";
import { useEditorStore } from "../editor/store/useEditor";

type Props = { product: Product; colorHex: string; area: PrintArea; label: string };

/** The preview's side in CSS pixels; it is drawn at the screen's pixel density (at most 2×). */
const CSS_SIZE = 276;

/**
 * The design on the product, live: redrawn on the next frame after the stage draws (anyone's
 * edit, an image loading, a colour change), but not while the view pans or zooms, when only the
 * camera moved.
 */
export function MockupPreview({ product, colorHex, area, label }: Props) {
  const store = useEditorStore();
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const target = canvasRef.current;
    if (!target) return;
    const size = Math.round(CSS_SIZE * Math.min(2, window.devicePixelRatio || 1));
    target.width = size;
    target.height = size;
    const aspect = area.widthMm / area.heightMm;
    const make: MakeCanvas = (w, h) => Object.assign(document.createElement("canvas"), { width: w, height: h });
    let frame = 0;
    let resting = true;
    const draw = () => {
      frame = 0;
      const want = printPixelsIn({ kind: product.kind, areaName: area.name, aspect, size });
      const art = store.stage.getArtboardSource()?.render(want.width);
      const print = art && art.width > 0 && art.height > 0 ? art.getContext("2d")!.getImageData(0, 0, art.width, art.height) : null;
      renderMockup({ kind: product.kind, areaName: area.name, aspect, colorHex, print, size }, make, target);
      target.dataset.drawn = String(Number(target.dataset.drawn ?? 0) + 1);
    };
    const schedule = () => {
      if (!frame && resting) frame = requestAnimationFrame(draw);
    };
    const offArtboard = store.stage.followArtboard(schedule);
    const offView = store.onView((_, rest) => {
      resting = rest;
      if (rest) schedule();
    });
    return () => {
      offArtboard();
      offView();
      cancelAnimationFrame(frame);
    };
  }, [store, product, colorHex, area]);

  return (
    <Box style={{ borderRadius: 8, overflow: "hidden", lineHeight: 0, background: "var(--mantine-color-gray-1)" }}>
      <canvas ref={canvasRef} role="img" aria-label={label} data-testid="mockup-preview" style={{ width: "100%", aspectRatio: "1 / 1" }} />
    </Box>
  );
}
