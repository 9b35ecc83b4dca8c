import { minorDigits } from "./money";

type Listing = { title: string; description: string; price: number; currency: string; slug: string; stockLeft: number | null; seller: { name: string } | null };

/**
 * A listing as schema.org's Product with its Offer, for search engines, as the text of a
 * `<script type="application/ld+json">`: "<" is escaped so that a seller's title cannot end the
 * script element.
 */
export function productJsonLd(listing: Listing, pageUrl: string, imageUrl: string | null): string {
  const digits = minorDigits(listing.currency);
  const data = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: listing.title,
    ...(listing.description.trim() ? { description: listing.description.trim() } : {}),
    ...(imageUrl ? { image: [imageUrl] } : {}),
    url: pageUrl,
    ...(listing.seller ? { brand: { "@type": "Brand", name: listing.seller.name } } : {}),
    offers: {
      "@type": "Offer",
      url: pageUrl,
      price: (listing.price / 10 ** digits).toFixed(digits),
      priceCurrency: listing.currency,
      availability: listing.stockLeft === 0 ? "https://schema.org/SoldOut" : "https://schema.org/InStock",
      itemCondition: "https://schema.org/NewCondition",
    },
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
