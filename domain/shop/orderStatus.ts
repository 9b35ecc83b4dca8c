export const ORDER_STATUSES = ["pending_payment", "payment_failed", "paid", "in_production", "shipped", "delivered", "canceled", "refunded"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Where an order may go from each status. A declined payment can still be retried until the
 * order's time to pay runs out; delivered, canceled and refunded are final.
 */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ["paid", "payment_failed", "canceled"],
  payment_failed: ["paid", "payment_failed", "canceled"],
  paid: ["in_production", "refunded"],
  in_production: ["shipped", "refunded"],
  shipped: ["delivered"],
  delivered: [],
  canceled: [],
  refunded: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return NEXT[from];
}

/** The moves a shop admin makes by hand; the rest come from payments and the print renderer. */
export const ADMIN_MOVES: readonly OrderStatus[] = ["shipped", "delivered", "canceled", "refunded"];

/** Statuses in which the order still holds its stock without having paid for it. */
export const UNPAID: readonly OrderStatus[] = ["pending_payment", "payment_failed"];
