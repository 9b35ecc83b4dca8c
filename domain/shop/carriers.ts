import { z } from "zod";

/**
 * The couriers a shop ships with, each with its tracking page. Korean parcel numbers are digits
 * only; the others take letters too (UPS's "1Z…", USPS's and DHL's international "EA…US").
 */
export const CARRIERS = {
  cj: { name: "CJ대한통운", country: "KR", number: /^\d{10,12}$/, page: "https://trace.cjlogistics.com/next/tracking.html?wblNo=" },
  epost: { name: "우체국택배", country: "KR", number: /^\d{13}$/, page: "https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1=" },
  hanjin: { name: "한진택배", country: "KR", number: /^\d{10,14}$/, page: "https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&schLang=KR&wblnumText2=" },
  lotte: { name: "롯데택배", country: "KR", number: /^\d{10,13}$/, page: "https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo=" },
  ups: { name: "UPS", country: "US", number: /^[A-Z0-9]{9,24}$/, page: "https://www.ups.com/track?tracknum=" },
  usps: { name: "USPS", country: "US", number: /^[A-Z0-9]{13,34}$/, page: "https://tools.usps.com/go/TrackConfirmAction?tLabels=" },
  dhl: { name: "DHL", country: null, number: /^[A-Z0-9]{10,39}$/, page: "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=" },
} as const;

export type CarrierId = keyof typeof CARRIERS;
export const CARRIER_IDS = Object.keys(CARRIERS) as [CarrierId, ...CarrierId[]];

/** A tracking number as couriers print it, spaces and dashes dropped, letters upper-cased. */
export const normalizeTrackingNumber = (n: string) => n.replace(/[\s-]/g, "").toUpperCase();

/** What "Mark shipped" takes: a carrier and a number it would issue. */
export const trackingInput = z
  .object({ carrier: z.enum(CARRIER_IDS), number: z.string().max(64, "must be at most 64 characters").transform(normalizeTrackingNumber) })
  .superRefine((t, ctx) => {
    if (!CARRIERS[t.carrier].number.test(t.number)) {
      ctx.addIssue({ code: "custom", path: ["number"], message: `is not a ${CARRIERS[t.carrier].name} tracking number` });
    }
  });

export type Tracking = { carrier: CarrierId; number: string };

/** The carrier's page for this parcel. */
export function trackingUrl(t: Tracking): string {
  return CARRIERS[t.carrier].page + encodeURIComponent(t.number);
}
