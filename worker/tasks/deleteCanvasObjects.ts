import type { Task } from "graphile-worker";
import { jobSchemas } from "@/server/jobs/definitions";
import { canvasPrefixes } from "@/server/storage/objectKeys";
import { deletePrefix, type Storage } from "@/server/storage/storage";

/**
 * Removes a deleted canvas's files (uploads, images, thumbnails). Queued in the transaction that
 * deletes the canvas; safe to run again, since deleting what is already gone is a no-op.
 */
export function deleteCanvasObjects(storage: Storage): Task {
  return async (payload, helpers) => {
    const { canvasId } = jobSchemas.deleteCanvasObjects.parse(payload);
    let deleted = 0;
    for (const prefix of canvasPrefixes(canvasId)) deleted += await deletePrefix(storage, prefix);
    helpers.logger.info(`deleted canvas ${canvasId}: removed ${deleted} objects`);
  };
}
