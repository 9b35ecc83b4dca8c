import { randomUUID } from "node:crypto";
import { normaliseImage, type NormalisedImage } from "../../storage/imageValidation";
import { assetKey, assetThumbKey } from "../../storage/objectKeys";
import { deleteObject, writeObject, type Storage } from "../../storage/storage";

/** An image written to storage under a new asset id, not yet an asset row. */
export type StoredImage = { id: string; index: number; image: NormalisedImage; objectKey: string; thumbKey: string };

/**
 * Writes the images (re-encoded, with thumbnails) under new asset ids, then runs `commit`, which
 * records them in one transaction. If writing or the commit fails, or the commit says the work was
 * no longer wanted (false), every object written is deleted again, so no bytes outlive their rows.
 */
export async function storeThenCommit(storage: Storage, canvasId: string, pngs: Buffer[], commit: (stored: StoredImage[]) => Promise<boolean>): Promise<boolean> {
  const written: string[] = [];
  const drop = () => Promise.all(written.map((key) => deleteObject(storage, key).catch(() => {})));
  let kept = false;
  try {
    const stored = await Promise.all(
      pngs.map(async (png, index) => {
        const id = randomUUID();
        const image = await normaliseImage(png);
        const objectKey = assetKey(canvasId, id, image.ext);
        const thumbKey = assetThumbKey(canvasId, id);
        await writeObject(storage, objectKey, image.buffer, image.contentType);
        written.push(objectKey);
        await writeObject(storage, thumbKey, image.thumb, "image/webp");
        written.push(thumbKey);
        return { id, index, image, objectKey, thumbKey };
      }),
    );
    kept = await commit(stored);
  } finally {
    if (!kept) await drop();
  }
  return kept;
}
