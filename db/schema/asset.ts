import type { AssetProvenance } from "@/domain/provenance";
import { index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { canvases } from "./canvas";
import { createdAt, updatedAt } from "./columns";
import { generations } from "./generation";

// The column's shape is the domain's provenance schema; re-exported for the schema's readers.
export type { AssetProvenance, PrintReadyProvenance } from "@/domain/provenance";

export const assetStatusEnum = pgEnum("asset_status", ["pending", "ready", "rejected"]);

/**
 * An image uploaded to a canvas. It is `pending` from the moment an upload URL is handed out until
 * the server has checked and re-encoded the file; only `ready` assets have objects to serve.
 * Images made by a generation are written ready by the worker and carry their provenance.
 */
export const assets = pgTable(
  "assets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    canvasId: uuid("canvas_id")
      .notNull()
      .references(() => canvases.id, { onDelete: "cascade" }),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    status: assetStatusEnum("status").notNull().default("pending"),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    declaredSize: integer("declared_size").notNull(),
    byteSize: integer("byte_size"),
    width: integer("width"),
    height: integer("height"),
    objectKey: text("object_key"),
    thumbKey: text("thumb_key"),
    rejectReason: text("reject_reason"),
    generationId: uuid("generation_id").references(() => generations.id, { onDelete: "set null" }),
    generationIndex: integer("generation_index"),
    provenance: jsonb("provenance").$type<AssetProvenance>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("assets_canvas_idx").on(t.canvasId), index("assets_generation_idx").on(t.generationId)],
);
