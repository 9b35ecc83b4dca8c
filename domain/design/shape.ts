import type { AssetProvenance } from "../provenance";

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
  /** The print area (artboard) it is on, when the canvas designs a product. */
  area?: string;
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
