import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/pageSession";
import { CartView } from "../_components/shop/CartView";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shop.cart");
  return { title: t("title"), robots: { index: false } };
}

export default async function CartPage() {
  const user = await currentUser();
  return <CartView user={user && { name: user.name, email: user.email }} />;
}
