import path from "node:path";
import type { Db } from "@/db/client";
import { projectRoot } from "@/db/projectRoot";
import { ADMIN_MOVES, type OrderStatus } from "@/domain/shop/orderStatus";
import { env } from "../../env";
import { AppError } from "../../errors";
import { outboxDir, readOutbox, type OutboxMessage } from "../../mail/outbox";
import { requireMove } from "./orderTransitions";

/** A shop admin moves an order along by hand: shipped, delivered, canceled or refunded. */
export async function moveOrderByAdmin(db: Db, adminId: string, input: { id: string; to: OrderStatus; note?: string }): Promise<void> {
  if (!ADMIN_MOVES.includes(input.to)) throw new AppError("BAD_REQUEST", "order.notAdminMove", "This status is set by payments and the print renderer, not by hand.");
  await db.transaction((tx) => requireMove(tx, input.id, input.to, `user:${adminId}`, input.note));
}

/** The local outbox (mail kept when no SMTP server is set), newest first, for the shop's admins. */
export async function readShopOutbox(): Promise<{ smtp: boolean; messages: OutboxMessage[] }> {
  const e = env();
  if (e.SMTP_URL) return { smtp: true, messages: [] };
  const messages = await readOutbox(outboxDir(path.resolve(projectRoot(), e.DATA_DIR)));
  return { smtp: false, messages: messages.reverse().slice(0, 200) };
}
