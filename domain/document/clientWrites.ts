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

/**
 * Where a collaborator's item may land at all, whatever it holds (a deleted item included): a key
 * of `shapes`, or the `order` list. Not `meta`, not a shared type of another name.
 */
export function checkClientPlace({ root, key }: Pick<ClientWrite, "root" | "key">): { ok: true } | { ok: false; reason: string } {
  if (root === DOC_ROOTS.shapes) return key !== null && key.length <= SHAPE_LIMITS.id ? { ok: true } : { ok: false, reason: "shapes is a map of shape ids" };
  if (root === DOC_ROOTS.order) return key === null ? { ok: true } : { ok: false, reason: "order is a list: its values have no key" };
  if (root === DOC_ROOTS.meta) return { ok: false, reason: "meta is written by the server only" };
  return { ok: false, reason: `${JSON.stringify(root.slice(0, 40))} is not part of a canvas document` };
}

/** A value a collaborator's item stores, checked in its place. */
export function checkClientWrite(write: ClientWrite): WriteCheck {
  const place = checkClientPlace(write);
  if (!place.ok) return place;
  if (write.root === DOC_ROOTS.order) return shapeId.safeParse(write.value).success ? { ok: true, shape: null } : { ok: false, reason: "order holds shape ids only" };
  const parsed = parseShapeRecord(write.value, "current");
  if (!parsed.ok) return parsed;
  if (parsed.shape.id !== write.key) return { ok: false, reason: "a shape is stored under its own id" };
  return { ok: true, shape: parsed.shape };
}
