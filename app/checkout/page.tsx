import type { Metadata } from "next";
import { currentUser } from "@/server/auth/pageSession";
import { env } from "@/server/env";
import { CheckoutView } from "../_components/shop/CheckoutView";
import { translate } from "../_i18n/locales";
import { getLocale } from "../_i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "shop.checkout.title"), robots: { index: false } };
}

export default async function CheckoutPage() {
  const user = await currentUser();
  return <CheckoutView user={user && { name: user.name, email: user.email }} shopCountry={env().SHOP_COUNTRY} />;
}
