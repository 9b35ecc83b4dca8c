import { sql } from "drizzle-orm";
import * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import { canvasDoc, type CanvasDoc } from "@/domain/document/canvasDoc";
import * as edits from "@/domain/document/edits";
import { DOC_CHANNEL, loadDoc } from "./docStore";

/**
 * Edits that the server makes to a canvas's document on someone's behalf (a finished job). They
 * are stored exactly as a collaborator's edits are, one update row announced on the document
 * channel, so every process's open room applies and relays them. This tag is nobody's process
 * tag, so no room skips them as its own.
 */
const SERVER_EDIT_TAG = "server-edit";

export type ImageReplacement = { shapeId: string; fromSrc: string; toSrc: string; scale: number };

/** See `replaceImageSource` in the document module; false when the image changed meanwhile. */
export async function replaceImageSource(db: DbOrTx, canvasId: string, edit: ImageReplacement): Promise<boolean> {
  return editDocument(db, canvasId, (d) => edits.replaceImageSource(d, edit));
}

/**
 * Records the canvas's product in the document's meta map. The database row stays the truth;
 * this edit is how every open editor hears of the change at once, over its own socket.
 */
export async function announceProduct(db: DbOrTx, canvasId: string, product: { productId: string; variantId: string } | null): Promise<void> {
  await editDocument(db, canvasId, (d) => {
    edits.announceProduct(d, product);
    return true;
  });
}

/** Applies `change` to the stored document and appends what it did as one update; false: nothing to write. */
async function editDocument(db: DbOrTx, canvasId: string, change: (d: CanvasDoc) => boolean): Promise<boolean> {
  const { doc } = await loadDoc(db, canvasId);
  const before = Y.encodeStateVector(doc);
  if (!change(canvasDoc(doc))) return false;
  const update = Y.encodeStateAsUpdate(doc, before);
  await db.execute(sql`
    with row as (insert into canvas_doc_updates (canvas_id, update) values (${canvasId}, ${Buffer.from(update)}) returning id)
    select pg_notify(${DOC_CHANNEL}, ${SERVER_EDIT_TAG} || ' ' || ${canvasId} || ' ' || id || ' ' || id) from row
  `);
  return true;
}
