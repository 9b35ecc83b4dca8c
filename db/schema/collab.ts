import { bigint, bigserial, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./bytea";
import { canvases } from "./canvas";

/** The compacted Yjs state of a canvas: every update with id ≤ throughUpdateId is merged in. */
export const canvasDocs = pgTable("canvas_docs", {
  canvasId: uuid("canvas_id")
    .primaryKey()
    .references(() => canvases.id, { onDelete: "cascade" }),
  snapshot: bytea("snapshot").notNull(),
  throughUpdateId: bigint("through_update_id", { mode: "number" }).notNull().default(0),
  /**
   * Counts the writes of this snapshot (a trigger sets it, whoever writes): a room that loaded or
   * wrote generation g knows its document holds the snapshot while it is still g.
   */
  generation: integer("generation").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Yjs updates in arrival order, written before anyone else receives them. */
export const canvasDocUpdates = pgTable(
  "canvas_doc_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    canvasId: uuid("canvas_id")
      .notNull()
      .references(() => canvases.id, { onDelete: "cascade" }),
    update: bytea("update").notNull(),
    userId: text("user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("canvas_doc_updates_canvas_idx").on(t.canvasId, t.id)],
);
