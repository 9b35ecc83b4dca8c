"use client";

import { useEffect, useRef } from "react";
import type { Product } from "@/domain/catalog/catalog";
import { renderMockup } from "@/domain/mockup/renderMockup";

/** The bare product in one colour, drawn by the same renderer as the mockups. */
export function ProductThumb({ product, colorHex, size = 150 }: { product: Product; colorHex: string; size?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const target = ref.current;
    if (!target) return;
    const px = Math.round(size * Math.min(2, window.devicePixelRatio || 1));
    target.width = px;
    target.height = px;
    const area = product.printAreas[0];
    const make = (w: number, h: number) => Object.assign(document.createElement("canvas"), { width: w, height: h });
    renderMockup({ kind: product.kind, areaName: area?.name ?? "Front", aspect: area ? area.widthMm / area.heightMm : 1, colorHex, print: null, size: px }, make, target);
  }, [product, colorHex, size]);
  return <canvas ref={ref} aria-hidden style={{ width: size, height: size, borderRadius: 8, display: "block" }} />;
}
