import type { MetadataRoute } from "next";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

/** /robots.txt: the shop and the home page are for search engines; people's canvases, carts, orders and the admin are not. */
export default function robots(): MetadataRoute.Robots {
  const appUrl = env().APP_URL;
  return {
    rules: { userAgent: "*", allow: ["/", "/shop", "/p/"], disallow: ["/api/", "/admin", "/canvas", "/dashboard", "/cart", "/checkout", "/orders", "/pay", "/invite"] },
    sitemap: `${appUrl}/sitemap.xml`,
  };
}
