import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { products, productVariants } from "./catalog";
import { createdAt, updatedAt } from "./columns";

export const roleEnum = pgEnum("canvas_role", ["viewer", "editor", "owner"]);

export const canvases = pgTable("canvases", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  /** The product this canvas designs, and its chosen colour; both null for a free artboard. */
  productId: text("product_id").references(() => products.id),
  variantId: text("variant_id").references(() => productVariants.id),
  /** The owner paused the canvas's generation queue: its queued generations wait, keeping their places. */
  generationsPaused: boolean("generations_paused").notNull().default(false),
  /** When the dashboard's cover (a small mockup of the design) was last rendered; null: none yet. */
  coverAt: timestamp("cover_at", { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const canvasMembers = pgTable(
  "canvas_members",
  {
    canvasId: uuid("canvas_id")
      .notNull()
      .references(() => canvases.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.canvasId, t.userId] }), index("canvas_members_user_idx").on(t.userId)],
);

export const invites = pgTable(
  "invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    canvasId: uuid("canvas_id")
      .notNull()
      .references(() => canvases.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    role: roleEnum("role").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    uses: integer("uses").notNull().default(0),
    /** Accepted at most this many times (null: until it expires or is revoked). */
    maxUses: integer("max_uses"),
    createdAt: createdAt(),
  },
  (t) => [index("invites_canvas_idx").on(t.canvasId)],
);

/**
 * The most a removed or demoted person may get back through invite links made before: none when
 * removed (max role null), the role they were demoted to otherwise. Links made after, or the
 * owner raising their role, give what they say.
 */
export const memberLimits = pgTable(
  "member_limits",
  {
    canvasId: uuid("canvas_id")
      .notNull()
      .references(() => canvases.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    maxRole: roleEnum("max_role"),
    since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.canvasId, t.userId] })],
);
