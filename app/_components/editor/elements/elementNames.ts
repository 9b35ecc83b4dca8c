import type { ElementLicense, ElementSource } from "@/domain/elements/elementSource";

/** Proper names, the same in every language. */
export const SOURCE_NAMES: Record<ElementSource, string> = { noto: "Noto Emoji", twemoji: "Twemoji" };
export const LICENSE_NAMES: Record<ElementLicense, string> = { "Apache-2.0": "Apache 2.0", "CC-BY-4.0": "CC BY 4.0", "public-domain": "public domain" };
