import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/pageSession";
import { OrdersView } from "../_components/shop/OrdersView";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shop.orders");
  return { title: t("title"), robots: { index: false } };
}

export default async function OrdersPage() {
  const user = await requireUser("/orders");
  return <OrdersView user={{ name: user.name, email: user.email }} />;
}
