import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderLines, orders, snapshotRenders } from "@/db/schema";
import { moveOrder } from "./orderTransitions";

/** A paid order whose every print file exists goes into production (once, whoever finishes last). */
export async function advanceIfPrinted(db: Db, orderId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).for("update");
    if (order?.status !== "paid") return false;
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(snapshotRenders)
      .innerJoin(orderLines, eq(orderLines.id, snapshotRenders.orderLineId))
      .where(and(eq(orderLines.orderId, orderId), ne(snapshotRenders.status, "succeeded")));
    if ((open?.n ?? 1) > 0) return false;
    return moveOrder(tx, orderId, "in_production", "system", "Every print file is ready.");
  });
}
