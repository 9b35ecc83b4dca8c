import type { MetadataRoute } from "next";
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { shopSitemap } from "@/server/services/shop/sitemapEntries";

export const dynamic = "force-dynamic";

/** /sitemap.xml: the home page and the shop's public pages. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const appUrl = env().APP_URL;
  const entries = await shopSitemap(getDb());
  return [{ url: appUrl, changeFrequency: "weekly" }, ...entries.map((e) => ({ url: `${appUrl}${e.path}`, lastModified: e.lastModified }))];
}
