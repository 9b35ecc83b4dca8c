import type { Task } from "graphile-worker";
import type { Db } from "@/db/client";
import { jobSchemas } from "@/server/jobs/definitions";
import type { Storage } from "@/server/storage/storage";
import { runMockups } from "../mockup/mockupRun";
import { finalAttempt } from "../render/renderRunner";

/** Renders a queued set of HQ mockups (see `runMockups`, and `runRender` for what a failure does). */
export function renderMockups(db: Db, storage: Storage): Task {
  return async (payload, helpers) => {
    const { batchId } = jobSchemas.renderMockups.parse(payload);
    await runMockups(db, storage, batchId, finalAttempt(helpers));
  };
}
