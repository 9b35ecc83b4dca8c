import type { Metadata } from "next";
import { currentUser } from "@/server/auth/pageSession";
import { getDb } from "@/server/db";
import { listStorefront } from "@/server/services/shop/storefront";
import { StorefrontView } from "../_components/shop/StorefrontView";
import { translate } from "../_i18n/locales";
import { getLocale } from "../_i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  return { title: translate(locale, "shop.store.title"), description: translate(locale, "shop.store.subtitle") };
}

export default async function ShopPage() {
  const [items, user] = await Promise.all([listStorefront(getDb()), currentUser()]);
  return <StorefrontView user={user && { name: user.name, email: user.email }} items={items} seller={null} />;
}
