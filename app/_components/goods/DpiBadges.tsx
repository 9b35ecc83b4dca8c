"use client";

import { Text } from "@mantine/core";
import { Fragment, useEffect, useMemo, useRef } from "react";
import type { Product } from "@/domain/catalog/catalog";
import { imageDpi } from "@/domain/design/preflight";
import { useI18n } from "../../_i18n/I18nProvider";
import { shapeBox } from "../editor/store/geometry";
import { useEditor, useEditorStore } from "../editor/store/useEditor";
import { ImageFixes } from "./ImageFixes";
import { useImageSizes } from "./useImageSizes";

/**
 * Every image on the print area in view carries its effective DPI, red below the product's
 * minimum; the one selected, when low, offers its fixes under it. Vectors have no DPI to show.
 * The badges sit in world coordinates in a layer that follows the live camera (a CSS transform
 * per frame, no React), each scaled back to screen size.
 */
export function DpiBadges({ canvasId, product, canEdit }: { canvasId: string; product: Product; canEdit: boolean }) {
  const { t } = useI18n();
  const store = useEditorStore();
  const shapes = useEditor((s) => s.shapes);
  const area = useEditor((s) => s.area);
  const selection = useEditor((s) => s.selection);
  const srcs = useMemo(() => shapes.flatMap((s) => (s.type === "image" && s.src ? [s.src] : [])), [shapes]);
  const sizes = useImageSizes(canvasId, srcs);
  const layer = useRef<HTMLDivElement>(null);
  const hasArea = !!area;

  useEffect(() => {
    const follow = (v: { x: number; y: number; scale: number }) => {
      const el = layer.current;
      if (!el) return;
      el.style.transform = `translate(${v.x}px, ${v.y}px) scale(${v.scale})`;
      el.style.setProperty("--inv", String(1 / v.scale));
    };
    follow(store.camera());
    return store.onView(follow);
    // The layer mounts only once the print area is known: follow the camera from then on.
  }, [store, hasArea]);

  if (!area) return null;
  return (
    <div ref={layer} style={{ position: "absolute", left: 0, top: 0, transformOrigin: "0 0" }}>
      {shapes.map((s) => {
        if (s.type !== "image" || s.hidden || !s.src) return null;
        const dpi = imageDpi(s, area, sizes.get(s.src));
        if (dpi === null) return null;
        const low = dpi < product.minDpi;
        const box = shapeBox(s);
        const fixes = low && canEdit && selection.size === 1 && selection.has(s.id);
        return (
          <Fragment key={s.id}>
            <div
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
            {fixes && (
              <div
                data-testid="dpi-fixes"
                role="group"
                aria-label={t("goods.fix.label", { dpi, min: product.minDpi })}
                style={{
                  position: "absolute",
                  left: box.x + box.width / 2,
                  top: box.y + box.height,
                  transform: "scale(var(--inv)) translate(-50%, 8px)",
                  transformOrigin: "0 0",
                  pointerEvents: "auto",
                  padding: 6,
                  borderRadius: 8,
                  background: "var(--mantine-color-body)",
                  boxShadow: "0 2px 8px rgba(0,0,0,0.18)",
                  display: "flex",
                  flexDirection: "column",
                  gap: 6,
                  width: "max-content",
                  maxWidth: "min(320px, 90vw)",
                }}
              >
                <Text size="xs" fw={600} c="red.8">
                  {t("goods.fix.title", { dpi, min: product.minDpi })}
                </Text>
                <ImageFixes canvasId={canvasId} shape={s} area={area} size={sizes.get(s.src)} minDpi={product.minDpi} />
              </div>
            )}
          </Fragment>
        );
      })}
    </div>
  );
}
