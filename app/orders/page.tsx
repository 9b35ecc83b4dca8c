import type { Metadata } from "next";
import { requireUser } from "@/server/auth/pageSession";
import { OrdersView } from "../_components/shop/OrdersView";
import { translate } from "../_i18n/locales";
import { getLocale } from "../_i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "shop.orders.title"), robots: { index: false } };
}

export default async function OrdersPage() {
  const user = await requireUser("/orders");
  return <OrdersView user={{ name: user.name, email: user.email }} />;
}
