import type { Locale } from "@/domain/i18n/locales";
import type { OrderStatus } from "@/domain/shop/orderStatus";
import { includedVat } from "@/domain/shop/tax";
import type { Mail } from "./mailer";
import { mailWords } from "./mailWords";
import { composeMail } from "./messages";

export type OrderMailFacts = {
  to: string;
  orderId: string;
  total: number;
  currency: string;
  /** `variant` already in the buyer's language ("블랙, M"). */
  items: { title: string; quantity: number; variant: string }[];
  link: string;
  /** What the shop wrote with this move ("Sent in two parcels"). */
  note?: string | null;
  tracking?: { carrierName: string; number: string; url: string } | null;
  /** The language the buyer checked out in; English when absent. */
  locale?: Locale;
};

/** The statuses the buyer hears about by mail: an order waiting for its payment sends none. */
type MailedStatus = Exclude<OrderStatus, "pending_payment">;
const isMailed = (status: OrderStatus): status is MailedStatus => status !== "pending_payment";

/** The buyer's e-mail for an order that reached `status`, in the language they checked out in. */
export function orderStatusMail(status: OrderStatus, facts: OrderMailFacts): Mail | null {
  if (!isMailed(status)) return null;
  const { t, price } = mailWords(facts.locale);
  const tracking = facts.tracking;
  const vat = includedVat(facts.total, facts.currency);
  const mail = composeMail(
    facts.to,
    t(`order.subject.${status}`),
    [
      t(`order.lead.${status}`),
      ...(tracking ? [t("order.trackingNumber", { carrier: tracking.carrierName, number: tracking.number })] : []),
      ...(facts.note ? [t("order.note", { note: facts.note })] : []),
      t("order.number", { number: facts.orderId.slice(0, 8).toUpperCase() }),
      ...facts.items.map((i) => t("order.item", { quantity: i.quantity, title: i.title, variant: i.variant })),
      t("order.total", { amount: price(facts.total, facts.currency) }),
      ...(vat !== null ? [t("order.vat", { amount: price(vat, facts.currency) })] : []),
    ],
    [...(tracking ? [{ label: t("order.track", { carrier: tracking.carrierName }), url: tracking.url }] : []), { label: t("order.see"), url: facts.link }],
    t("order.footer"),
  );
  return { ...mail, category: "order" };
}
