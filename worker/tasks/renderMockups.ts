import type { Task } from "graphile-worker";
import type { Db } from "@/db/client";
import { jobSchemas } from "@/server/jobs/definitions";
import type { Storage } from "@/server/storage/storage";
import { runMockups } from "../mockup/mockupRun";

/** Renders a queued set of HQ mockups (see `runMockups`). */
export function renderMockups(db: Db, storage: Storage): Task {
  return async (payload) => {
    const { batchId } = jobSchemas.renderMockups.parse(payload);
    await runMockups(db, storage, batchId);
  };
}
