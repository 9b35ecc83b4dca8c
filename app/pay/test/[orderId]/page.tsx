import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { SearchParams } from "@/server/auth/authPage";
import { TestPaymentView } from "../../../_components/shop/TestPaymentView";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // The address carries the order's key: no Referer takes it anywhere.
  const t = await getTranslations("shop.pay");
  return { title: t("provider"), referrer: "no-referrer", robots: { index: false } };
}

/** The test provider's hosted page; it reads the order itself, so the address decides nothing but which order. */
export default async function TestPayPage(props: { params: Promise<{ orderId: string }>; searchParams: SearchParams }) {
  const { orderId } = await props.params;
  const { key } = await props.searchParams;
  if (typeof key !== "string" || !key || !/^[0-9a-f-]{36}$/.test(orderId)) notFound();
  return <TestPaymentView orderId={orderId} payKey={key} />;
}
