/** The languages the product speaks, and how a request says which one it wants. */
export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "mb_locale";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** The first supported language in an Accept-Language header, by its q-weights. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { lang: (tag ?? "").toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return (ranked.find((x) => isLocale(x.lang))?.lang as Locale | undefined) ?? "en";
}

/** The language a request asks for: the language cookie the app sets, else the browser's Accept-Language. */
export function requestLocale(cookieHeader: string | null, acceptLanguage: string | null): Locale {
  const chosen = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`))?.[1];
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(acceptLanguage);
}
