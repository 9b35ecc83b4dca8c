import { getRequestConfig } from "next-intl/server";
import { catalog } from "@/domain/i18n/catalog";
import { getLocale } from "./server";

/**
 * next-intl's configuration for each request, without i18n routing: the language is not in the
 * URL but the visitor's choice (cookie) or their browser's Accept-Language. next.config.ts names
 * this file to next-intl's plugin.
 */
export default getRequestConfig(async () => {
  const locale = await getLocale();
  return { locale, messages: catalog[locale] };
});
