import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { SearchParams } from "@/server/auth/authPage";
import { getDb } from "@/server/db";
import { portoneCheckoutParams } from "@/server/services/shop/payments/portoneCheckoutParams";
import { PortOneCheckout } from "../../../_components/shop/PortOneCheckout";

export const dynamic = "force-dynamic";
// The return address can be the order's secret link: no Referer carries it to anyone else.
export const metadata: Metadata = { title: "Pay", referrer: "no-referrer" };

/** Where a PortOne payment starts: the order's amount comes from the database, never from the address. */
export default async function PortOnePayPage(props: { params: Promise<{ orderId: string }>; searchParams: SearchParams }) {
  const { orderId } = await props.params;
  const { return: returnTo } = await props.searchParams;
  const checkout = await portoneCheckoutParams(getDb(), orderId, typeof returnTo === "string" ? returnTo : null);
  if (!checkout) notFound();
  return <PortOneCheckout paymentId={orderId} {...checkout} />;
}
