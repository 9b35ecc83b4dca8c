import { z } from "zod";
import { isImageSrc } from "./assetSource";

export const SHAPE_TYPES = ["rect", "ellipse", "text", "line", "arrow", "draw", "image"] as const;
export type ShapeType = (typeof SHAPE_TYPES)[number];

/** The version of the shape records this code writes; `migrations.ts` brings older ones up to it. */
export const SHAPE_VERSION = 2;

/** Bounds that keep one record small: a canvas is a few thousand of them, sent to every peer. */
export const SHAPE_LIMITS = { id: 64, name: 200, colour: 64, text: 10_000, font: 100, points: 20_000, coordinate: 1e7 } as const;

const id = z.string().min(1).max(SHAPE_LIMITS.id);
const coordinate = z.number().finite().min(-SHAPE_LIMITS.coordinate).max(SHAPE_LIMITS.coordinate);
const colour = z.string().max(SHAPE_LIMITS.colour);
const box = { x: coordinate, y: coordinate, width: coordinate, height: coordinate };

/** What every shape has, whatever its type. */
const common = {
  v: z.literal(SHAPE_VERSION),
  id,
  ...box,
  rotation: coordinate,
  opacity: z.number().min(0).max(1),
  fill: colour,
  stroke: colour,
  strokeWidth: z.number().min(0).max(1000),
  locked: z.boolean(),
  hidden: z.boolean(),
  name: z.string().max(SHAPE_LIMITS.name),
  groupId: id.nullable(),
  /** The print area (artboard) it is on, when the canvas designs a product. */
  area: id.optional(),
};

/**
 * Every shape's record has the same fields: each type uses some of them (text the font, paths
 * their points, images the source), and a field of another type, though unused, is still checked.
 * Unknown fields are refused, so a record holds nothing the schema does not describe.
 */
const typeFields = {
  type: z.enum(SHAPE_TYPES),
  text: z.string().max(SHAPE_LIMITS.text).optional(),
  fontSize: z.number().positive().max(2000).optional(),
  fontFamily: z.string().max(SHAPE_LIMITS.font).optional(),
  fontStyle: z.enum(["normal", "bold", "italic", "bold italic"]).optional(),
  align: z.enum(["left", "center", "right"]).optional(),
  /** text: the box is as wide as its longest line and grows as one types (never wraps); else its lines wrap in its width. */
  autoWidth: z.boolean().optional(),
  /** line, arrow and draw: points relative to (x, y). */
  points: z.array(coordinate).max(SHAPE_LIMITS.points).optional(),
  /** image: one of the canvas's assets or a library element, and an optional crop in source pixels. */
  src: z.string().max(200).refine(isImageSrc, "an image shows one of the canvas's assets or a library element").optional(),
  crop: z.strictObject(box).nullable().optional(),
};

export const shapeFields = z.strictObject({ ...common, ...typeFields });

const imageHasSource = (s: { type: ShapeType; src?: string }) => s.type !== "image" || s.src !== undefined;

/** One object on the canvas, stored as a whole record under its id in the document's shapes map. */
export const shapeSchema = shapeFields.refine(imageHasSource, { message: "an image needs its source", path: ["src"] });
export type Shape = z.infer<typeof shapeSchema>;

/** For older versions' schemas (see `migrations.ts`). */
export const withImageSource = <T extends z.ZodType<{ type: ShapeType; src?: string }>>(schema: T) =>
  schema.refine(imageHasSource, { message: "an image needs its source", path: ["src"] });
