import type { Task } from "graphile-worker";
import type { Db } from "@/db/client";
import { jobSchemas } from "@/server/jobs/definitions";
import type { Storage } from "@/server/storage/storage";
import { runPrintFile } from "../print/printFileRun";

/** Renders a queued print file (see `runPrintFile`); a failure is recorded on the row, not retried. */
export function renderPrintFile(db: Db, storage: Storage): Task {
  return async (payload) => {
    const { printFileId } = jobSchemas.renderPrintFile.parse(payload);
    await runPrintFile(db, storage, printFileId);
  };
}
