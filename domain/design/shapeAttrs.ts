import { fontStack } from "./fonts";
import type { Shape } from "../document/shape";

/** Konva's class for each shape type. */
export type KonvaClass = "Rect" | "Ellipse" | "Text" | "Line" | "Arrow" | "Image";

/**
 * How a shape is drawn, as Konva attributes: the one description both the editor's views and the
 * server's print renderer use, so a print file shows exactly what the editor shows. Identity,
 * events and the image element itself are added by each side.
 */
export function shapeAttrs(s: Shape): { className: KonvaClass; attrs: Record<string, unknown> } {
  const transform = { x: s.x, y: s.y, rotation: s.rotation, opacity: s.opacity, visible: !s.hidden, perfectDrawEnabled: false, shadowForStrokeEnabled: false };
  const stroke = { stroke: s.strokeWidth > 0 ? s.stroke : undefined, strokeWidth: s.strokeWidth };
  const path = { points: s.points ?? [], stroke: s.stroke, strokeWidth: s.strokeWidth, lineCap: "round", lineJoin: "round" };
  switch (s.type) {
    case "rect":
      return { className: "Rect", attrs: { ...transform, width: s.width, height: s.height, fill: s.fill, ...stroke, cornerRadius: 2 } };
    case "ellipse":
      return { className: "Ellipse", attrs: { ...transform, radiusX: s.width / 2, radiusY: s.height / 2, fill: s.fill, ...stroke } };
    case "text":
      return {
        className: "Text",
        attrs: { ...transform, text: s.text ?? "", width: s.width, fontSize: s.fontSize, fontFamily: fontStack(s.fontFamily), fontStyle: s.fontStyle, align: s.align, fill: s.fill, ...stroke, lineHeight: 1.2, wrap: s.autoWidth ? "none" : "word", fillAfterStrokeEnabled: true },
      };
    case "line":
      return { className: "Line", attrs: { ...transform, ...path } };
    case "draw":
      return { className: "Line", attrs: { ...transform, ...path, tension: 0.4 } };
    case "arrow":
      return { className: "Arrow", attrs: { ...transform, ...path, fill: s.stroke, pointerLength: s.strokeWidth * 3, pointerWidth: s.strokeWidth * 3, lineJoin: undefined } };
    case "image":
      return { className: "Image", attrs: { ...transform, width: s.width, height: s.height, crop: s.crop ?? undefined, ...stroke } };
  }
}
