import type { AssetProvenance } from "@/domain/provenance";

export const SHAPE_TYPES = ["rect", "ellipse", "text", "line", "arrow", "draw", "image"] as const;
export type ShapeType = (typeof SHAPE_TYPES)[number];

/** One object on the canvas, stored as a whole record in the shared document. */
export type Shape = {
  id: string;
  type: ShapeType;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
  opacity: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  locked: boolean;
  hidden: boolean;
  name: string;
  groupId: string | null;
  text?: string;
  fontSize?: number;
  fontFamily?: string;
  fontStyle?: "normal" | "bold" | "italic" | "bold italic";
  align?: "left" | "center" | "right";
  /** line, arrow and draw: points relative to (x, y). */
  points?: number[];
  /** image: the asset's URL, and an optional crop in source pixels. */
  src?: string;
  crop?: { x: number; y: number; width: number; height: number } | null;
  /** image made by generation: where it came from. */
  provenance?: ImageProvenance;
};

/** How a generated image was made, kept on the canvas object: the asset's provenance, as stored. */
export type ImageProvenance = AssetProvenance;

export const DEFAULT_STYLE = { fill: "#7950f2", stroke: "#343a40", strokeWidth: 0, opacity: 1 } as const;

export function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : Math.random().toString(36).slice(2);
}

export function makeShape(type: ShapeType, at: { x: number; y: number }, patch: Partial<Shape> = {}): Shape {
  const base: Shape = {
    id: newId(),
    type,
    x: at.x,
    y: at.y,
    width: 1,
    height: 1,
    rotation: 0,
    opacity: 1,
    fill: type === "text" ? "#212529" : type === "line" || type === "arrow" || type === "draw" ? "transparent" : DEFAULT_STYLE.fill,
    stroke: type === "line" || type === "arrow" || type === "draw" ? "#212529" : DEFAULT_STYLE.stroke,
    strokeWidth: type === "line" || type === "arrow" ? 4 : type === "draw" ? 4 : 0,
    locked: false,
    hidden: false,
    name: type[0]!.toUpperCase() + type.slice(1),
    groupId: null,
  };
  if (type === "text") Object.assign(base, { text: "Text", fontSize: 40, fontFamily: "Inter", fontStyle: "bold", align: "left", width: 240, height: 48 });
  return { ...base, ...patch };
}
