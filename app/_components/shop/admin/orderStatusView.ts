import type { OrderStatus } from "@/domain/shop/orderStatus";
import type { MessageKey } from "../../../_i18n/en";

/** Each status's colour: waiting grey/yellow, money in blue, making violet, done teal, stopped red. */
export const STATUS_COLOR: Record<OrderStatus, string> = {
  pending_payment: "yellow",
  payment_failed: "red",
  paid: "blue",
  in_production: "violet",
  shipped: "cyan",
  delivered: "teal",
  canceled: "gray",
  refunded: "orange",
};

export const statusKey = (s: OrderStatus) => `shopAdmin.status.${s}` as MessageKey;

/** Orders are read aloud and typed by their first eight characters, as support does. */
export const shortId = (id: string) => id.slice(0, 8).toUpperCase();
