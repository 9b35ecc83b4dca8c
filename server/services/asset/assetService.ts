import { and, desc, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assets } from "@/db/schema";
import { assetSrc } from "@/domain/document/assetSource";
import { parseProvenance, type AssetProvenance } from "@/domain/provenance";
import { AppError } from "../../errors";
import { normaliseImage, type ImageContentType } from "../../storage/imageValidation";
import { assetKey, assetThumbKey, uploadKey } from "../../storage/objectKeys";
import { presignPut } from "../../storage/presign";
import { deleteObject, readObject, writeObject, type Storage } from "../../storage/storage";
import type { CanvasAccess } from "../canvas/access";
import { resourceNotFound } from "../canvas/resourceAccess";
import { log } from "@/server/log";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type AssetRow = typeof assets.$inferSelect;
export type AssetView = {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  contentType: string;
  fileName: string;
  createdAt: Date;
};


function toView(row: AssetRow): AssetView {
  return {
    id: row.id,
    url: assetSrc(row.id),
    thumbUrl: assetSrc(row.id, true),
    width: row.width ?? 0,
    height: row.height ?? 0,
    contentType: row.contentType,
    fileName: row.fileName,
    createdAt: row.createdAt,
  };
}

/** Records a pending asset and hands out a URL that takes exactly the declared file. */
export async function createUpload(
  db: DbOrTx,
  storage: Storage,
  access: CanvasAccess,
  input: { contentType: ImageContentType; size: number; fileName: string },
) {
  const [row] = await db
    .insert(assets)
    .values({
      canvasId: access.canvas.id,
      uploadedBy: access.userId,
      fileName: input.fileName,
      contentType: input.contentType,
      declaredSize: input.size,
    })
    .returning({ id: assets.id });
  const put = await presignPut(storage, uploadKey(access.canvas.id, row!.id), input.contentType, input.size);
  return { assetId: row!.id, uploadUrl: put.url, method: put.method, headers: put.headers, expiresAt: put.expiresAt };
}

/**
 * Checks the uploaded file and turns it into a ready asset: a re-encoded copy without metadata
 * and a thumbnail. A file that is not an acceptable image marks the asset rejected and throws;
 * calling again for a ready asset returns it unchanged.
 */
export async function completeUpload(db: DbOrTx, storage: Storage, access: CanvasAccess, input: { assetId: string }): Promise<AssetView> {
  const asset = await db.query.assets.findFirst({ where: and(eq(assets.id, input.assetId), eq(assets.canvasId, access.canvas.id)) });
  if (!asset) throw resourceNotFound("asset");
  if (asset.status === "ready") return toView(asset);
  if (asset.status === "rejected") {
    throw new AppError("BAD_REQUEST", "asset.rejected", "This upload was refused. Please upload the file again.");
  }

  const source = uploadKey(asset.canvasId, asset.id);
  const read = await readObject(storage, source, asset.declaredSize);
  if (read.kind === "missing") {
    throw new AppError("BAD_REQUEST", "asset.uploadMissing", "The file has not been uploaded yet. Upload it, then try again.");
  }
  if (read.kind === "tooLarge") {
    throw await reject(db, storage, asset, new AppError("BAD_REQUEST", "asset.sizeMismatch", "The uploaded file is larger than announced."));
  }

  let image;
  try {
    image = await normaliseImage(read.body);
  } catch (e) {
    if (e instanceof AppError) throw await reject(db, storage, asset, e);
    throw e;
  }

  const objectKey = assetKey(asset.canvasId, asset.id, image.ext);
  const thumbKey = assetThumbKey(asset.canvasId, asset.id);
  await writeObject(storage, objectKey, image.buffer, image.contentType);
  await writeObject(storage, thumbKey, image.thumb, "image/webp");
  const [ready] = await db
    .update(assets)
    .set({
      status: "ready",
      contentType: image.contentType,
      width: image.width,
      height: image.height,
      byteSize: image.buffer.byteLength,
      objectKey,
      thumbKey,
    })
    .where(and(eq(assets.id, asset.id), eq(assets.status, "pending")))
    .returning();
  // Only once the row says ready: until then a failed call can be retried from the upload.
  await dropUpload(storage, source);
  if (ready) return toView(ready);

  // A concurrent call for the same upload got there first; both wrote the same objects.
  const current = await db.query.assets.findFirst({ where: eq(assets.id, asset.id) });
  if (current?.status === "ready") return toView(current);
  throw new AppError("BAD_REQUEST", "asset.rejected", "This upload was refused. Please upload the file again.");
}

/** Marks the asset rejected, drops the bad file, and returns the error for the caller to throw. */
async function reject(db: DbOrTx, storage: Storage, asset: AssetRow, error: AppError): Promise<AppError> {
  await db
    .update(assets)
    .set({ status: "rejected", rejectReason: error.reason })
    .where(and(eq(assets.id, asset.id), eq(assets.status, "pending")));
  await dropUpload(storage, uploadKey(asset.canvasId, asset.id));
  return error;
}

async function dropUpload(storage: Storage, key: string): Promise<void> {
  try {
    await deleteObject(storage, key);
  } catch (e) {
    log.error({ err: e, key }, "assets: could not delete an upload");
  }
}

export async function listAssets(db: DbOrTx, access: CanvasAccess): Promise<AssetView[]> {
  const rows = await db
    .select()
    .from(assets)
    .where(and(eq(assets.canvasId, access.canvas.id), eq(assets.status, "ready")))
    .orderBy(desc(assets.createdAt))
    .limit(500);
  return rows.map(toView);
}

/**
 * How an image of this canvas was made, as the worker recorded it: null for an upload. This, not
 * the copy on a canvas object (which any editor's client can write), is what to show and reuse.
 */
export async function getAssetProvenance(db: DbOrTx, access: CanvasAccess, input: { assetId: string }): Promise<AssetProvenance | null> {
  const row = await db.query.assets.findFirst({
    where: and(eq(assets.id, input.assetId), eq(assets.canvasId, access.canvas.id), eq(assets.status, "ready")),
    columns: { provenance: true },
  });
  if (!row) throw resourceNotFound("asset");
  if (row.provenance == null) return null;
  const provenance = parseProvenance(row.provenance);
  if (!provenance) log.error({ assetId: input.assetId }, "assets: the stored provenance does not match its schema");
  return provenance;
}

/** The stored object to serve for an asset, or null when it has none (not ready, or gone). */
export async function findServableAsset(db: DbOrTx, assetId: string, thumb: boolean) {
  const row = await db.query.assets.findFirst({ where: and(eq(assets.id, assetId), eq(assets.status, "ready")) });
  const key = thumb ? row?.thumbKey : row?.objectKey;
  if (!row || !key) return null;
  return { canvasId: row.canvasId, key, contentType: thumb ? "image/webp" : row.contentType };
}

/** An upload URL lives minutes; a pending asset older than this was abandoned. */
export const ABANDONED_UPLOAD_MS = 24 * 3600_000;

/**
 * Removes uploads that were asked for and never completed: the file, if one arrived, and the
 * pending row. Safe to run any number of times.
 */
export async function dropAbandonedUploads(db: DbOrTx, storage: Storage, now = new Date()): Promise<number> {
  const stale = await db
    .select({ id: assets.id, canvasId: assets.canvasId })
    .from(assets)
    .where(and(eq(assets.status, "pending"), lt(assets.createdAt, new Date(now.getTime() - ABANDONED_UPLOAD_MS))))
    .limit(500);
  for (const a of stale) {
    await dropUpload(storage, uploadKey(a.canvasId, a.id));
    await db.delete(assets).where(and(eq(assets.id, a.id), eq(assets.status, "pending")));
  }
  return stale.length;
}
