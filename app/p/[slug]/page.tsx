import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { formatPriceWith, minorDigits } from "@/domain/shop/money";
import { productJsonLd } from "@/domain/shop/productJsonLd";
import { currentUser } from "@/server/auth/pageSession";
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { getListing } from "@/server/services/shop/listingService";
import { firstMockupUrl } from "../../_components/shop/listingMedia";
import { ProductView } from "../../_components/shop/ProductView";
import { catalogNames } from "../../_i18n/catalogNames";
import { productPath, slugFromParam } from "@/domain/shop/productPath";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/** The published listing, or Next's 404 for unknown and unpublished ones (read once per request). */
const listingOrNotFound = cache(async (slug: string) => {
  try {
    return await getListing(getDb(), slug);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = await listingOrNotFound(slugFromParam((await params).slug));
  const [locale, t, format] = await Promise.all([getLocale(), getTranslations("shop.meta"), getFormatter()]);
  const appUrl = env().APP_URL;
  const url = `${appUrl}${productPath(listing.slug)}`;
  const priceText = formatPriceWith(format, listing.price, listing.currency);
  const description = listing.description.trim() || t("description", { product: catalogNames(locale).product(listing.product), price: priceText });
  const image = firstMockupUrl(listing);
  const images = image ? [{ url: `${appUrl}${image}`, width: 2000, height: 2000, alt: listing.title }] : undefined;
  const digits = minorDigits(listing.currency);
  return {
    title: listing.title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", siteName: "Merchboard", url, title: `${listing.title} · ${priceText}`, description, images },
    twitter: { card: image ? "summary_large_image" : "summary", title: `${listing.title} · ${priceText}`, description, images: images?.map((i) => i.url) },
    other: { "product:price:amount": (listing.price / 10 ** digits).toFixed(digits), "product:price:currency": listing.currency },
  };
}

export default async function ProductPage({ params }: Props) {
  const [listing, user] = await Promise.all([listingOrNotFound(slugFromParam((await params).slug)), currentUser()]);
  const appUrl = env().APP_URL;
  const image = firstMockupUrl(listing);
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: productJsonLd(listing, `${appUrl}${productPath(listing.slug)}`, image && `${appUrl}${image}`) }} />
      <ProductView initial={listing} user={user && { name: user.name, email: user.email }} />
    </>
  );
}
