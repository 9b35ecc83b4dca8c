import { formatMoney } from "@/domain/shop/money";
import type { OrderStatus } from "@/domain/shop/orderStatus";
import type { Mail } from "./mailer";
import { composeMail } from "./messages";

export type OrderMailFacts = {
  to: string;
  orderId: string;
  total: number;
  currency: string;
  items: { title: string; quantity: number; variant: string }[];
  link: string;
  /** What the shop wrote with this move ("Sent in two parcels"). */
  note?: string | null;
  tracking?: { carrierName: string; number: string; url: string } | null;
};

const SUBJECTS: Partial<Record<OrderStatus, string>> = {
  paid: "Your Merchboard order is confirmed",
  payment_failed: "Your payment for a Merchboard order did not go through",
  in_production: "Your Merchboard order is being printed",
  shipped: "Your Merchboard order has shipped",
  delivered: "Your Merchboard order was delivered",
  canceled: "Your Merchboard order was canceled",
  refunded: "Your Merchboard order was refunded",
};

const LEADS: Partial<Record<OrderStatus, string>> = {
  paid: "Thank you! We received your payment and will start printing shortly.",
  payment_failed: "The payment was declined. You can try again from your order page until it expires 30 minutes after checkout.",
  in_production: "Every print file of your order is ready, and it is now being printed.",
  shipped: "Your order is on its way.",
  delivered: "Your order was delivered. We hope you enjoy it.",
  canceled: "Your order was canceled and nothing was charged.",
  refunded: "Your order was refunded in full.",
};

/** The buyer's e-mail for an order that reached `status`, with its items and the order's link. */
export function orderStatusMail(status: OrderStatus, facts: OrderMailFacts): Mail | null {
  const subject = SUBJECTS[status];
  if (!subject) return null;
  const items = facts.items.map((i) => `${i.quantity} × ${i.title} (${i.variant})`);
  const tracking = facts.tracking;
  const mail = composeMail(
    facts.to,
    subject,
    [
      LEADS[status]!,
      ...(tracking ? [`${tracking.carrierName} tracking number: ${tracking.number}`] : []),
      ...(facts.note ? [`A note from the shop: ${facts.note}`] : []),
      `Order ${facts.orderId.slice(0, 8).toUpperCase()}`,
      ...items,
      `Total: ${formatMoney(facts.total, facts.currency, "en-US")}`,
    ],
    [...(tracking ? [{ label: `Track your parcel with ${tracking.carrierName}`, url: tracking.url }] : []), { label: "See your order", url: facts.link }],
    "Anyone with this link can see the order; keep it to yourself.",
  );
  return { ...mail, category: "order" };
}
