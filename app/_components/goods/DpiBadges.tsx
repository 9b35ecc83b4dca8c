"use client";

import { useEffect, useMemo, useRef } from "react";
import type { Product } from "@/domain/catalog/catalog";
import { useI18n } from "../../_i18n/I18nProvider";
import { shapeBox } from "../editor/store/geometry";
import { useEditor, useEditorStore } from "../editor/store/useEditor";
import { imageDpi } from "./preflight";
import { useImageSizes } from "./useImageSizes";

/**
 * Every image on the print area in view carries its effective DPI, red below the product's
 * minimum. The badges sit in world coordinates in a layer that follows the live camera (a CSS
 * transform per frame, no React), each scaled back to screen size.
 */
export function DpiBadges({ canvasId, product }: { canvasId: string; product: Product }) {
  const { t } = useI18n();
  const store = useEditorStore();
  const shapes = useEditor((s) => s.shapes);
  const area = useEditor((s) => s.area);
  const srcs = useMemo(() => shapes.flatMap((s) => (s.type === "image" && s.src ? [s.src] : [])), [shapes]);
  const sizes = useImageSizes(canvasId, srcs);
  const layer = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const follow = (v: { x: number; y: number; scale: number }) => {
      const el = layer.current;
      if (!el) return;
      el.style.transform = `translate(${v.x}px, ${v.y}px) scale(${v.scale})`;
      el.style.setProperty("--inv", String(1 / v.scale));
    };
    follow(store.camera());
    return store.onView(follow);
  }, [store]);

  if (!area) return null;
  return (
    <div ref={layer} style={{ position: "absolute", left: 0, top: 0, transformOrigin: "0 0" }}>
      {shapes.map((s) => {
        if (s.type !== "image" || s.hidden || !s.src) return null;
        const dpi = imageDpi(s, area, sizes.get(s.src));
        if (dpi === null) return null;
        const low = dpi < product.minDpi;
        const box = shapeBox(s);
        return (
          <div
            key={s.id}
            data-testid="dpi-badge"
            data-low={low}
            style={{
              position: "absolute",
              left: box.x,
              top: box.y + box.height,
              transform: "scale(var(--inv)) translate(4px, calc(-100% - 4px))",
              transformOrigin: "0 0",
              whiteSpace: "nowrap",
              font: "600 11px/1 Inter, sans-serif",
              padding: "3px 6px",
              borderRadius: 4,
              color: "white",
              background: low ? "rgba(201, 42, 42, 0.92)" : "rgba(33, 37, 41, 0.7)",
              boxShadow: "0 1px 2px rgba(0,0,0,0.25)",
            }}
          >
            {low ? "⚠ " : ""}
            {t("goods.dpiBadge", { dpi })}
          </div>
        );
      })}
    </div>
  );
}
