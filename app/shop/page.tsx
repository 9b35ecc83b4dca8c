import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/pageSession";
import { getDb } from "@/server/db";
import { listStorefront } from "@/server/services/shop/storefront";
import { StorefrontView } from "../_components/shop/StorefrontView";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shop.store");
  return { title: t("title"), description: t("subtitle") };
}

export default async function ShopPage() {
  const [items, user] = await Promise.all([listStorefront(getDb()), currentUser()]);
  return <StorefrontView user={user && { name: user.name, email: user.email }} items={items} seller={null} />;
}
