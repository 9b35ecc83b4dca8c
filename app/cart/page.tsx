import type { Metadata } from "next";
import { currentUser } from "@/server/auth/pageSession";
import { CartView } from "../_components/shop/CartView";
import { translate } from "../_i18n/locales";
import { getLocale } from "../_i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "shop.cart.title"), robots: { index: false } };
}

export default async function CartPage() {
  const user = await currentUser();
  return <CartView user={user && { name: user.name, email: user.email }} />;
}
