import { index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { RENDER_STATUSES } from "@/domain/render/renderStatus";
import { users } from "./auth";
import { canvases } from "./canvas";
import { printAreas, productVariants } from "./catalog";
import { createdAt, updatedAt } from "./columns";

export const renderStatusEnum = pgEnum("render_status", RENDER_STATUSES);

/** A print-resolution PNG of one artboard, rendered by the worker and stored in S3. */
export const printFiles = pgTable(
  "print_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    canvasId: uuid("canvas_id")
      .notNull()
      .references(() => canvases.id, { onDelete: "cascade" }),
    printAreaId: text("print_area_id")
      .notNull()
      .references(() => printAreas.id),
    /** The variant whose own print size this file has; null for the print area's own size. */
    variantId: text("variant_id").references(() => productVariants.id),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    status: renderStatusEnum("status").notNull().default("queued"),
    widthPx: integer("width_px").notNull(),
    heightPx: integer("height_px").notNull(),
    dpi: integer("dpi").notNull(),
    objectKey: text("object_key"),
    byteSize: integer("byte_size"),
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("print_files_canvas_idx").on(t.canvasId, t.createdAt)],
);

/** A photo-quality mockup of the design on one colour of its product, for one print area. */
export const mockupRenders = pgTable(
  "mockup_renders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    canvasId: uuid("canvas_id")
      .notNull()
      .references(() => canvases.id, { onDelete: "cascade" }),
    /** Every render of one request shares a batch id, so the gallery can show the set's progress. */
    batchId: uuid("batch_id").notNull(),
    variantId: text("variant_id").notNull(),
    printAreaId: text("print_area_id").notNull(),
    status: renderStatusEnum("status").notNull().default("queued"),
    objectKey: text("object_key"),
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("mockup_renders_canvas_idx").on(t.canvasId, t.createdAt)],
);
