import type { Task } from "graphile-worker";
import type { Db } from "@/db/client";
import { jobSchemas } from "@/server/jobs/definitions";
import type { Storage } from "@/server/storage/storage";
import { renderCanvasCover as render } from "../cover/canvasCover";

/** Renders the dashboard's cover of a canvas (see `renderCanvasCover`). */
export function renderCanvasCover(db: Db, storage: Storage): Task {
  return async (payload) => {
    const { canvasId } = jobSchemas.renderCanvasCover.parse(payload);
    await render(db, storage, canvasId);
  };
}
