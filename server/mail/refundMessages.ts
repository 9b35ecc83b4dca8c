import type { Locale } from "@/domain/i18n/locales";
import type { Mail } from "./mailer";
import { mailWords } from "./mailWords";
import { composeMail } from "./messages";

export type RefundMailFacts = {
  to: string;
  orderId: string;
  amount: number;
  currency: string;
  /** What went back, `variant` already in the buyer's language. */
  items: { title: string; quantity: number; variant: string }[];
  shipping: boolean;
  /** Refunded so far on this order, this refund included. */
  refundedTotal: number;
  /** The shop's reason, written for the buyer. */
  reason: string;
  link: string;
  locale: Locale;
};

/** The buyer's e-mail for a refund of part of their order, in the language they checked out in. */
export function refundMail(f: RefundMailFacts): Mail {
  const { t, price } = mailWords(f.locale);
  const mail = composeMail(
    f.to,
    t("refund.subject"),
    [
      t("refund.lead", { amount: price(f.amount, f.currency) }),
      t("order.number", { number: f.orderId.slice(0, 8).toUpperCase() }),
      ...f.items.map((i) => t("order.item", { quantity: i.quantity, title: i.title, variant: i.variant })),
      ...(f.shipping ? [t("refund.shipping")] : []),
      t("order.note", { note: f.reason }),
      t("refund.sofar", { amount: price(f.refundedTotal, f.currency) }),
    ],
    { label: t("order.see"), url: f.link },
    t("order.footer"),
  );
  return { ...mail, category: "order" };
}
