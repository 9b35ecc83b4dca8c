import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { printFiles } from "./printFile";
import { snapshotRenders } from "./shop";

/**
 * One ink's screen-print separation of a print file (a canvas's, or a published version's or an
 * order line's): a greyscale film positive stored beside the composite, written by the same render.
 */
export const printSeparations = pgTable(
  "print_separations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    printFileId: uuid("print_file_id").references(() => printFiles.id, { onDelete: "cascade" }),
    snapshotRenderId: uuid("snapshot_render_id").references(() => snapshotRenders.id, { onDelete: "cascade" }),
    /** "#rrggbb" */
    ink: text("ink").notNull(),
    /** The ink's place in the design's ink list (largest coverage first). */
    position: integer("position").notNull(),
    objectKey: text("object_key").notNull(),
    byteSize: integer("byte_size").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("print_separations_one_parent", sql`(${t.printFileId} is null) <> (${t.snapshotRenderId} is null)`),
    uniqueIndex("print_separations_print_file_ink_idx").on(t.printFileId, t.ink),
    uniqueIndex("print_separations_snapshot_ink_idx").on(t.snapshotRenderId, t.ink),
  ],
);
