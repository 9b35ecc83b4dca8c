import { z } from "zod";
import { DOC_ROOTS } from "./layout";
import { parseShapeRecord } from "./migrations";
import { SHAPE_LIMITS, type Shape } from "./shape";

/**
 * What a collaborator may write where, for the collaboration socket to check each value an update
 * stores: whole, valid shape records under their own id in `shapes`, shape ids in `order`. `meta`
 * is the server's (it announces the product there) and anything else is not part of the document.
 */
export type ClientWrite = { root: string; key: string | null; value: unknown };

export type WriteCheck = { ok: true; shape: Shape | null } | { ok: false; reason: string };

const shapeId = z.string().min(1).max(SHAPE_LIMITS.id);

export function checkClientWrite({ root, key, value }: ClientWrite): WriteCheck {
  if (root === DOC_ROOTS.shapes) {
    if (key === null) return { ok: false, reason: "shapes is a map: every value needs a key" };
    const parsed = parseShapeRecord(value);
    if (!parsed.ok) return parsed;
    if (parsed.shape.id !== key) return { ok: false, reason: "a shape is stored under its own id" };
    return { ok: true, shape: parsed.shape };
  }
  if (root === DOC_ROOTS.order) {
    if (key !== null) return { ok: false, reason: "order is a list: its values have no key" };
    return shapeId.safeParse(value).success ? { ok: true, shape: null } : { ok: false, reason: "order holds shape ids only" };
  }
  if (root === DOC_ROOTS.meta) return { ok: false, reason: "meta is written by the server only" };
  return { ok: false, reason: `${JSON.stringify(root.slice(0, 40))} is not part of a canvas document` };
}
