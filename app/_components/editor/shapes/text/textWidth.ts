import { fontStack } from "../../fonts";
import type { Shape } from "../../store/shapeTypes";

let context: CanvasRenderingContext2D | null = null;

/**
 * The width (world units) an auto-width text box needs for `text` in its font: its longest line,
 * with a little room so that a browser's rounding never pushes the last letter out.
 */
export function textWidth(shape: Pick<Shape, "fontSize" | "fontFamily" | "fontStyle">, text: string): number {
  context ??= document.createElement("canvas").getContext("2d");
  const size = shape.fontSize ?? 40;
  if (!context) return Math.max(20, text.length * size * 0.6);
  const style = shape.fontStyle ?? "normal";
  context.font = `${style.includes("italic") ? "italic " : ""}${style.includes("bold") ? "bold " : ""}${size}px ${fontStack(shape.fontFamily)}`;
  const widest = Math.max(0, ...text.split("\n").map((line) => context!.measureText(line).width));
  return Math.max(20, Math.ceil(widest + size * 0.1));
}
