import type { Task } from "graphile-worker";
import type { Db } from "@/db/client";
import { jobSchemas } from "@/server/jobs/definitions";
import { dropAbandonedUploads } from "@/server/services/asset/assetService";
import type { Storage } from "@/server/storage/storage";

/** Deletes abandoned uploads (pending for a day) and their files. */
export function cleanupUploads(db: Db, storage: Storage): Task {
  return async (payload, helpers) => {
    jobSchemas.cleanupUploads.parse(payload ?? {});
    const dropped = await dropAbandonedUploads(db, storage);
    helpers.logger.info(`removed ${dropped} abandoned uploads`);
  };
}
