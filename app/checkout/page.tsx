import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/pageSession";
import { env } from "@/server/env";
import { CheckoutView } from "../_components/shop/CheckoutView";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shop.checkout");
  return { title: t("title"), robots: { index: false } };
}

export default async function CheckoutPage() {
  const user = await currentUser();
  return <CheckoutView user={user && { name: user.name, email: user.email }} shopCountry={env().SHOP_COUNTRY} />;
}
