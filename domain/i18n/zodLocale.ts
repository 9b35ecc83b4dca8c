import { z } from "zod";
import type { Locale } from "./locales";

/** zod's own messages in each language the product speaks (zod ships them: `z.locales`). */
const ZOD_LOCALES: Record<Locale, z.core.$ZodErrorMap> = { en: z.locales.en().localeError, ko: z.locales.ko().localeError };

/**
 * zod's messages in `locale`, for one parse: `schema.safeParse(value, { error: zodErrorMap(locale) })`.
 * Per parse, never `z.config()`: that is one switch for the whole process, and concurrent requests
 * speak different languages. A message the schema words itself still wins over this map.
 */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  return ZOD_LOCALES[locale];
}

/**
 * An issue of a parse that is over, worded by zod's locale for `locale`; `input` is the whole value
 * that was parsed (the map names the type it received). English keeps the issue's own message,
 * which is often the schema's ("must be at most 80 characters"); another language gets zod's
 * words for the issue's kind and limits, since the schema's are English. A `custom` issue (a
 * product rule, as a refine words it) has no words of zod's beyond "invalid input" and keeps its own.
 */
export function zodMessageIn(locale: Locale, issue: z.core.$ZodIssue, input: unknown): string {
  if (locale === "en" || issue.code === "custom") return issue.message;
  const raw = { ...issue, input: valueAt(input, issue.path) } as unknown as z.core.$ZodRawIssue;
  const worded = ZOD_LOCALES[locale](raw);
  return (typeof worded === "string" ? worded : worded?.message) ?? issue.message;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === "object" ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}
