import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema";
import { UNPAID } from "@/domain/shop/orderStatus";
import { moveOrder } from "./orderTransitions";

/** Cancels the order if it is still unpaid after its time to pay; its stock goes back on sale. */
export async function expireIfUnpaid(db: Db, orderId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.id, orderId), inArray(orders.status, [...UNPAID]), sql`${orders.payBy} <= now()`));
    if (!due) return false;
    return moveOrder(tx, orderId, "canceled", "system", "Not paid within 30 minutes.");
  });
}
