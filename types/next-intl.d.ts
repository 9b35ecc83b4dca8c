import type { CatalogMessages } from "@/domain/i18n/catalog";
import type { Locale } from "@/domain/i18n/locales";

/** next-intl checks every key and its ICU arguments against the English catalog. */
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: CatalogMessages;
  }
}
