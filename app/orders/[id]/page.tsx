import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { SearchParams } from "@/server/auth/authPage";
import { currentUser } from "@/server/auth/pageSession";
import { OrderView } from "../../_components/shop/OrderView";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const number = (await params).id.slice(0, 8).toUpperCase();
  // A guest's address carries the order's key: no Referer takes it anywhere.
  const t = await getTranslations("shop.order");
  return { title: t("title", { number }), referrer: "no-referrer", robots: { index: false } };
}

/** An order for its buyer, or for whoever holds the link with its key (a guest's only way back). */
export default async function OrderPage(props: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await props.params;
  const { key } = await props.searchParams;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const user = await currentUser();
  return <OrderView orderId={id} orderKey={typeof key === "string" ? key : null} user={user && { name: user.name, email: user.email }} />;
}
