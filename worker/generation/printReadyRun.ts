import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { assets, generations } from "@/db/schema";
import type { AssetProvenance, PrintReadyProvenance } from "@/domain/provenance";
import { assetSrc } from "@/domain/document/assetSource";
import { MAX_UPLOAD_BYTES } from "@/server/services/asset/assetService";
import { replaceImageSource } from "@/server/services/canvas/documentEdits";
import { notifyGeneration } from "@/server/services/generation/generationEvents";
import { storeThenCommit } from "@/server/services/generation/storedImages";
import { readObject, type Storage } from "@/server/storage/storage";
import { mine, type GenerationRow } from "./generationRun";

export type PrintReadySource = { id: string; png: Buffer; fileName: string; provenance: AssetProvenance | null };

/** The request's source image, or null when it is gone (deleted with its canvas, or never stored). */
export async function readPrintReadySource(db: DbOrTx, storage: Storage, row: GenerationRow): Promise<PrintReadySource | null> {
  if (!row.sourceAssetId) return null;
  const asset = await db.query.assets.findFirst({ where: and(eq(assets.id, row.sourceAssetId), eq(assets.canvasId, row.canvasId), eq(assets.status, "ready")) });
  if (!asset?.objectKey) return null;
  const object = await readObject(storage, asset.objectKey, MAX_UPLOAD_BYTES);
  if (object.kind !== "ok") return null;
  return { id: asset.id, png: object.body, fileName: asset.fileName, provenance: asset.provenance };
}

/** What the print-ready network made of the source: a PNG, or an SVG when it was traced. */
export type PrintReadyResult = { image: Buffer; printReady: PrintReadyProvenance };

/**
 * Stores the print-ready image as a new asset that remembers its source, marks the request
 * succeeded and points the canvas object at the new image, all in one transaction: everyone
 * sees the object change when the queue says it is done. If the request was canceled meanwhile,
 * nothing is kept and false comes back.
 */
export async function completePrintReady(db: Db, storage: Storage, row: GenerationRow, source: PrintReadySource, result: PrintReadyResult): Promise<boolean> {
  const provenance: AssetProvenance = { ...(source.provenance ?? emptyProvenance(row)), printReady: result.printReady };
  return storeThenCommit(storage, row.canvasId, [result.image], ([stored]) =>
    db.transaction(async (tx) => {
      const { id, image, objectKey, thumbKey } = stored!;
      const [done] = await tx
        .update(generations)
        .set({ status: "succeeded", step: row.totalSteps, preview: null, provider: result.printReady.provider, modelName: result.printReady.network, modelHash: result.printReady.networkHash, durationMs: result.printReady.durationMs, finishedAt: sql`now()` })
        .where(mine(row))
        .returning({ id: generations.id });
      if (!done) return false;
      await tx.insert(assets).values({
        id,
        canvasId: row.canvasId,
        uploadedBy: row.requestedBy,
        status: "ready",
        fileName: `${source.fileName.replace(/\.[a-z]+$/i, "")} (print-ready).${image.ext}`,
        contentType: image.contentType,
        declaredSize: image.buffer.byteLength,
        byteSize: image.buffer.byteLength,
        width: image.width,
        height: image.height,
        objectKey,
        thumbKey,
        generationId: row.id,
        generationIndex: 0,
        provenance,
      });
      if (row.targetShapeId) {
        await replaceImageSource(tx, row.canvasId, { shapeId: row.targetShapeId, fromSrc: assetSrc(source.id), toSrc: assetSrc(id), scale: result.printReady.scale });
      }
      await tx.execute(sql`select ${notifyGeneration({ canvasId: row.canvasId, id: row.id, kind: "status" })}`);
      return true;
    }),
  );
}

/** An uploaded image has no generation provenance; the print-ready record still needs a frame. */
function emptyProvenance(row: GenerationRow): AssetProvenance {
  return { generationId: row.id, prompt: "", negativePrompt: "", seed: 0, steps: 0, guidance: 0, scheduler: "", width: 0, height: 0, model: "", modelHash: "", provider: "", durationMs: 0 };
}
