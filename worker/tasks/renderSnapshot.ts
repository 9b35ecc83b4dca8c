import type { Task } from "graphile-worker";
import type { Db } from "@/db/client";
import { jobSchemas } from "@/server/jobs/definitions";
import type { Storage } from "@/server/storage/storage";
import { finalAttempt } from "../render/renderRunner";
import { runSnapshotRender } from "../shop/snapshotRun";

/** Renders a published version's mockup or print file, or an order line's print file (see `runRender`). */
export function renderSnapshot(db: Db, storage: Storage): Task {
  return async (payload, helpers) => {
    const { renderId } = jobSchemas.renderSnapshot.parse(payload);
    await runSnapshotRender(db, storage, renderId, finalAttempt(helpers));
  };
}
