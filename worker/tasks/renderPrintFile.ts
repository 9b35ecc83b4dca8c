import type { Task } from "graphile-worker";
import type { Db } from "@/db/client";
import { jobSchemas } from "@/server/jobs/definitions";
import type { Storage } from "@/server/storage/storage";
import { runPrintFile } from "../print/printFileRun";
import { finalAttempt } from "../render/renderRunner";

/** Renders a queued print file (see `runRender` for what a failure does). */
export function renderPrintFile(db: Db, storage: Storage): Task {
  return async (payload, helpers) => {
    const { printFileId } = jobSchemas.renderPrintFile.parse(payload);
    await runPrintFile(db, storage, printFileId, finalAttempt(helpers));
  };
}
