import type { Locale } from "@/domain/i18n/locales";
import { formatMoney } from "@/domain/shop/money";
import type { OrderStatus } from "@/domain/shop/orderStatus";
import { includedVat } from "@/domain/shop/tax";
import type { Mail } from "./mailer";
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

type Words = {
  subjects: Partial<Record<OrderStatus, string>>;
  leads: Partial<Record<OrderStatus, string>>;
  order: (number: string) => string;
  total: (amount: string) => string;
  vat: (amount: string) => string;
  trackingNumber: (carrier: string, number: string) => string;
  note: (text: string) => string;
  track: (carrier: string) => string;
  see: string;
  footer: string;
  moneyLocale: string;
};

/** Every word of the order mail, in each language the shop speaks. */
const WORDS: Record<Locale, Words> = {
  en: {
    subjects: {
      paid: "Your Merchboard order is confirmed",
      payment_failed: "Your payment for a Merchboard order did not go through",
      in_production: "Your Merchboard order is being printed",
      shipped: "Your Merchboard order has shipped",
      delivered: "Your Merchboard order was delivered",
      canceled: "Your Merchboard order was canceled",
      refunded: "Your Merchboard order was refunded",
    },
    leads: {
      paid: "Thank you! We received your payment and will start printing shortly.",
      payment_failed: "The payment was declined. You can try again from your order page until it expires 30 minutes after checkout.",
      in_production: "Every print file of your order is ready, and it is now being printed.",
      shipped: "Your order is on its way.",
      delivered: "Your order was delivered. We hope you enjoy it.",
      canceled: "Your order was canceled and nothing was charged.",
      refunded: "Your order was refunded in full.",
    },
    order: (n) => `Order ${n}`,
    total: (a) => `Total: ${a}`,
    vat: (a) => `Including VAT (10 %): ${a}`,
    trackingNumber: (c, n) => `${c} tracking number: ${n}`,
    note: (t) => `A note from the shop: ${t}`,
    track: (c) => `Track your parcel with ${c}`,
    see: "See your order",
    footer: "Anyone with this link can see the order; keep it to yourself.",
    moneyLocale: "en-US",
  },
  ko: {
    subjects: {
      paid: "Merchboard 주문이 확정되었어요",
      payment_failed: "Merchboard 주문 결제가 완료되지 않았어요",
      in_production: "Merchboard 주문 상품을 인쇄하고 있어요",
      shipped: "Merchboard 주문 상품이 발송되었어요",
      delivered: "Merchboard 주문 상품이 배송 완료되었어요",
      canceled: "Merchboard 주문이 취소되었어요",
      refunded: "Merchboard 주문이 환불되었어요",
    },
    leads: {
      paid: "감사합니다! 결제가 확인되어 곧 인쇄를 시작해요.",
      payment_failed: "결제가 거절되었어요. 주문 후 30분 안에 주문 페이지에서 다시 결제할 수 있어요.",
      in_production: "주문하신 상품의 인쇄 파일이 모두 준비되어 지금 인쇄하고 있어요.",
      shipped: "주문하신 상품이 발송되었어요.",
      delivered: "주문하신 상품이 배송 완료되었어요. 마음에 드셨으면 좋겠어요.",
      canceled: "주문이 취소되었고 결제된 금액은 없어요.",
      refunded: "주문 금액 전액이 환불되었어요.",
    },
    order: (n) => `주문 번호 ${n}`,
    total: (a) => `합계: ${a}`,
    vat: (a) => `부가세(10%) ${a} 포함`,
    trackingNumber: (c, n) => `${c} 운송장 번호: ${n}`,
    note: (t) => `판매자 메모: ${t}`,
    track: (c) => `${c}에서 배송 조회하기`,
    see: "주문 보기",
    footer: "이 링크가 있으면 누구나 주문을 볼 수 있으니 다른 사람과 공유하지 마세요.",
    moneyLocale: "ko-KR",
  },
};

/** The buyer's e-mail for an order that reached `status`, in the language they checked out in. */
export function orderStatusMail(status: OrderStatus, facts: OrderMailFacts): Mail | null {
  const w = WORDS[facts.locale ?? "en"];
  const subject = w.subjects[status];
  if (!subject) return null;
  const items = facts.items.map((i) => `${i.quantity} × ${i.title} (${i.variant})`);
  const tracking = facts.tracking;
  const vat = includedVat(facts.total, facts.currency);
  const mail = composeMail(
    facts.to,
    subject,
    [
      w.leads[status]!,
      ...(tracking ? [w.trackingNumber(tracking.carrierName, tracking.number)] : []),
      ...(facts.note ? [w.note(facts.note)] : []),
      w.order(facts.orderId.slice(0, 8).toUpperCase()),
      ...items,
      w.total(formatMoney(facts.total, facts.currency, w.moneyLocale)),
      ...(vat !== null ? [w.vat(formatMoney(vat, facts.currency, w.moneyLocale))] : []),
    ],
    [...(tracking ? [{ label: w.track(tracking.carrierName), url: tracking.url }] : []), { label: w.see, url: facts.link }],
    w.footer,
  );
  return { ...mail, category: "order" };
}
