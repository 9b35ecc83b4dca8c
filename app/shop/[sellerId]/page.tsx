import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { currentUser } from "@/server/auth/pageSession";
import { getDb } from "@/server/db";
import { listStorefront, sellerWithShop } from "@/server/services/shop/storefront";
import { StorefrontView } from "../../_components/shop/StorefrontView";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ sellerId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The seller, or Next's 404 for an unknown id or someone with nothing on sale (read once per request). */
const sellerOrNotFound = cache(async (sellerId: string) => {
  const seller = UUID.test(sellerId) ? await sellerWithShop(getDb(), sellerId) : null;
  if (!seller) notFound();
  return seller;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const seller = await sellerOrNotFound((await params).sellerId);
  const t = await getTranslations("shop.store");
  return { title: t("sellerTitle", { name: seller.name }) };
}

export default async function SellerShopPage({ params }: Props) {
  const seller = await sellerOrNotFound((await params).sellerId);
  const [items, user] = await Promise.all([listStorefront(getDb(), { sellerId: seller.id }), currentUser()]);
  return <StorefrontView user={user && { name: user.name, email: user.email }} items={items} seller={seller} />;
}
