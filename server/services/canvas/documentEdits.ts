import { sql } from "drizzle-orm";
import * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import type { AssetProvenance } from "@/domain/provenance";
import { DOC_CHANNEL, loadDoc } from "../../collab/docStore";

/**
 * Edits that the server makes to a canvas's document on someone's behalf (a finished job). They
 * are stored exactly as a collaborator's edits are, one update row announced on the document
 * channel, so every process's open room applies and relays them. This tag is nobody's process
 * tag, so no room skips them as its own.
 */
const SERVER_EDIT_TAG = "server-edit";

type ShapeRecord = { id: string; type: string; src?: string; crop?: { x: number; y: number; width: number; height: number } | null } & Record<string, unknown>;

export type ImageReplacement = { shapeId: string; fromSrc: string; toSrc: string; scale: number; provenance: AssetProvenance };

/**
 * Points the image object at a new source that is `scale` times larger (its crop follows, in the
 * new source's pixels), keeping its place, size, rotation and everything else. Nothing happens
 * when the object is gone or no longer shows `fromSrc` (someone changed it meanwhile): false.
 */
export async function replaceImageSource(db: DbOrTx, canvasId: string, edit: ImageReplacement): Promise<boolean> {
  return editDocument(db, canvasId, (doc) => {
    const shapes = doc.getMap<ShapeRecord>("shapes");
    const shape = shapes.get(edit.shapeId);
    if (!shape || shape.type !== "image" || shape.src !== edit.fromSrc) return false;
    const crop = shape.crop ? { x: shape.crop.x * edit.scale, y: shape.crop.y * edit.scale, width: shape.crop.width * edit.scale, height: shape.crop.height * edit.scale } : shape.crop;
    shapes.set(edit.shapeId, { ...shape, src: edit.toSrc, crop, provenance: edit.provenance });
    return true;
  });
}

/**
 * Records the canvas's product in the document's `meta` map. The database row stays the truth;
 * this edit is how every open editor hears of the change at once, over its own socket.
 */
export async function announceProduct(db: DbOrTx, canvasId: string, product: { productId: string; variantId: string } | null): Promise<void> {
  await editDocument(db, canvasId, (doc) => {
    doc.getMap("meta").set("product", product);
    return true;
  });
}

/** Applies `change` to the stored document and appends what it did as one update; false: nothing to write. */
async function editDocument(db: DbOrTx, canvasId: string, change: (doc: Y.Doc) => boolean): Promise<boolean> {
  const { doc } = await loadDoc(db, canvasId);
  const before = Y.encodeStateVector(doc);
  if (!change(doc)) return false;
  const update = Y.encodeStateAsUpdate(doc, before);
  await db.execute(sql`
    with row as (insert into canvas_doc_updates (canvas_id, update) values (${canvasId}, ${Buffer.from(update)}) returning id)
    select pg_notify(${DOC_CHANNEL}, ${SERVER_EDIT_TAG} || ' ' || ${canvasId} || ' ' || id || ' ' || id) from row
  `);
  return true;
}
