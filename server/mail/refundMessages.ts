import type { Locale } from "@/domain/i18n/locales";
import { formatMoney } from "@/domain/shop/money";
import type { Mail } from "./mailer";
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

const WORDS = {
  en: {
    subject: "Part of your Merchboard order was refunded",
    lead: (amount: string) => `We refunded ${amount} to the way you paid. Banks take a few days to show it.`,
    shipping: "Shipping",
    reason: (t: string) => `A note from the shop: ${t}`,
    sofar: (amount: string) => `Refunded on this order so far: ${amount}`,
    order: (n: string) => `Order ${n}`,
    see: "See your order",
    footer: "Anyone with this link can see the order; keep it to yourself.",
    moneyLocale: "en-US",
  },
  ko: {
    subject: "Merchboard 주문 금액 일부가 환불되었어요",
    lead: (amount: string) => `결제하신 수단으로 ${amount}을 환불했어요. 카드사에 따라 며칠 걸릴 수 있어요.`,
    shipping: "배송비",
    reason: (t: string) => `판매자 메모: ${t}`,
    sofar: (amount: string) => `이 주문에서 지금까지 환불된 금액: ${amount}`,
    order: (n: string) => `주문 번호 ${n}`,
    see: "주문 보기",
    footer: "이 링크가 있으면 누구나 주문을 볼 수 있으니 다른 사람과 공유하지 마세요.",
    moneyLocale: "ko-KR",
  },
} satisfies Record<Locale, unknown>;

/** The buyer's e-mail for a refund of part of their order, in the language they checked out in. */
export function refundMail(f: RefundMailFacts): Mail {
  const w = WORDS[f.locale];
  const money = (amount: number) => formatMoney(amount, f.currency, w.moneyLocale);
  const mail = composeMail(
    f.to,
    w.subject,
    [
      w.lead(money(f.amount)),
      w.order(f.orderId.slice(0, 8).toUpperCase()),
      ...f.items.map((i) => `${i.quantity} × ${i.title} (${i.variant})`),
      ...(f.shipping ? [w.shipping] : []),
      w.reason(f.reason),
      w.sofar(money(f.refundedTotal)),
    ],
    { label: w.see, url: f.link },
    w.footer,
  );
  return { ...mail, category: "order" };
}
