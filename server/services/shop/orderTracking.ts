import { CARRIERS, trackingUrl, type CarrierId } from "@/domain/shop/carriers";

/** The parcel's carrier, number and tracking page, once the shop shipped it with one. */
export function trackingOf(order: { trackingCarrier: string | null; trackingNumber: string | null }) {
  const carrier = order.trackingCarrier;
  if (!carrier || !order.trackingNumber || !(carrier in CARRIERS)) return null;
  const tracking = { carrier: carrier as CarrierId, number: order.trackingNumber };
  return { ...tracking, carrierName: CARRIERS[tracking.carrier].name, url: trackingUrl(tracking) };
}
