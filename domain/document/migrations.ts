import { z } from "zod";
import { SHAPE_LIMITS, SHAPE_TYPES, SHAPE_VERSION, shapeFields, shapeSchema, withImageSource, type Shape, type ShapeType } from "./shape";

/**
 * Stored documents keep records of every version ever written; each is checked against the schema
 * of its own version, then brought up to `SHAPE_VERSION` one step at a time (as tldraw's record
 * migrations do). A record without `v` is version 1. When the version moves: add the old schema
 * here, and the step that turns it into the next.
 */
type Versioned = { schema: z.ZodType<Record<string, unknown>>; up: (record: Record<string, unknown>) => Record<string, unknown> };

/**
 * v1 → v2: records get `v`, and lose the copy of a generated image's provenance (the asset's own is
 * read instead). Version 1 had no length bounds, so a long name, text or stroke is cut to fit
 * rather than the shape lost.
 */
const v1 = withImageSource(
  shapeFields.omit({ v: true }).extend({
    name: z.string(),
    text: z.string().optional(),
    points: z.array(z.number().finite()).optional(),
    provenance: z.unknown().optional(),
  }),
);

const OLDER: Record<number, Versioned> = {
  1: {
    schema: v1,
    up: ({ provenance: _dropped, name, text, points, ...rest }) => ({
      ...rest,
      v: 2,
      name: (name as string).slice(0, SHAPE_LIMITS.name),
      ...(text === undefined ? {} : { text: (text as string).slice(0, SHAPE_LIMITS.text) }),
      ...(points === undefined ? {} : { points: (points as number[]).slice(0, SHAPE_LIMITS.points - (SHAPE_LIMITS.points % 2)) }),
    }),
  },
};

export type ParsedShape = { ok: true; shape: Shape } | { ok: false; reason: string };

/**
 * A record, checked against its version's schema and migrated; or why it is refused. Stored
 * records may be of any version; what a client writes now (`current`) must be this version's.
 */
export function parseShapeRecord(raw: unknown, accept: "stored" | "current" = "stored"): ParsedShape {
  if (!isPlainRecord(raw)) return { ok: false, reason: "a shape must be a plain JSON object" };
  const version = raw.v === undefined ? 1 : raw.v;
  const oldest = accept === "current" ? SHAPE_VERSION : 1;
  if (typeof version !== "number" || !Number.isInteger(version) || version < oldest || version > SHAPE_VERSION) return { ok: false, reason: `unknown shape version ${String(version)}` };
  if (!SHAPE_TYPES.includes(raw.type as ShapeType)) return { ok: false, reason: `unknown shape type ${JSON.stringify(String(raw.type)).slice(0, 40)}` };
  const type = raw.type as ShapeType;
  const schema = version === SHAPE_VERSION ? shapeSchema : OLDER[version]!.schema;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${type}.${issue.path.join(".") || "(record)"}: ${issue.message}` };
  }
  let record = parsed.data as Record<string, unknown>;
  for (let v = version; v < SHAPE_VERSION; v++) record = OLDER[v]!.up(record);
  return { ok: true, shape: record as Shape };
}

/** Plain JSON objects only: a Yjs shared type, an array or a class instance is not a record. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
