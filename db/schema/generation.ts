import { bigint, boolean, doublePrecision, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { GENERATION_STATUSES, PRINT_OUTPUTS } from "@/domain/generationView";
import { users } from "./auth";
import { bytea } from "./bytea";
import { canvases } from "./canvas";
import { createdAt, updatedAt } from "./columns";

export const generationStatusEnum = pgEnum("generation_status", GENERATION_STATUSES);

/**
 * One request for images from a prompt, shared by everyone on its canvas. The worker moves it
 * from queued to running to a final state and keeps its progress (and a small preview) here, so
 * that any web process can show the live queue.
 */
export const generations = pgTable(
  "generations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    canvasId: uuid("canvas_id")
      .notNull()
      .references(() => canvases.id, { onDelete: "cascade" }),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    status: generationStatusEnum("status").notNull().default("queued"),
    prompt: text("prompt").notNull(),
    negativePrompt: text("negative_prompt").notNull().default(""),
    steps: integer("steps").notNull(),
    guidance: doublePrecision("guidance").notNull(),
    seed: bigint("seed", { mode: "number" }).notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    count: integer("count").notNull(),
    scheduler: text("scheduler").notNull(),
    /** Each image is also made print-ready (16× with a cut-out) before it is stored. */
    upscale: boolean("upscale").notNull().default(false),
    /** The print-ready result's form: a raster (PNG) or the raster traced to a vector (SVG). */
    output: text("output", { enum: PRINT_OUTPUTS }).notNull().default("raster"),
    /** A vector's colour count (2–16); null lets the tracer choose. */
    colors: integer("colors"),
    /** The prompt as the model read it (a Korean prompt mapped to the model's words); null when read as written. */
    understood: text("understood"),
    /**
     * Set for a "make print-ready" request: the image to upscale (no foreign key, so a request
     * outlives its source, and fails cleanly when the source is gone) and the canvas object that
     * the result replaces in place.
     */
    sourceAssetId: uuid("source_asset_id"),
    targetShapeId: text("target_shape_id"),
    step: integer("step").notNull().default(0),
    totalSteps: integer("total_steps").notNull(),
    preview: bytea("preview"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    /** Set by each run that claims it; a run only writes while the row still carries its id. */
    runId: uuid("run_id"),
    modelName: text("model_name"),
    modelHash: text("model_hash"),
    provider: text("provider"),
    durationMs: integer("duration_ms"),
    /** When it last joined the queue (created or retried). */
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Its place in the fair queue, which runs by (queueRank, queueAt): the rank is how many of its
     * requester's generations were already waiting or running when it joined, so people take turns.
     * An owner reordering the canvas's queue swaps these between its generations.
     */
    queueRank: integer("queue_rank").notNull().default(0),
    queueAt: timestamp("queue_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    firstProgressAt: timestamp("first_progress_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("generations_canvas_idx").on(t.canvasId, t.createdAt),
    index("generations_user_idx").on(t.requestedBy, t.createdAt),
    index("generations_open_idx").on(t.status, t.queueRank, t.queueAt),
  ],
);
