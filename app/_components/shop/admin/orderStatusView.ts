import type { OrderStatus } from "@/domain/shop/orderStatus";
import type { MessageKey } from "@/domain/i18n/messages/en";

export const statusKey = (s: OrderStatus) => `shopAdmin.status.${s}` as MessageKey;

/** Orders are read aloud and typed by their first eight characters, as support does. */
export const shortId = (id: string) => id.slice(0, 8).toUpperCase();
