import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "@/db/projectRoot";
import { normaliseCodepoints } from "@/domain/elements/elementSource";

export const NAME_LOCALES = ["en", "ko"] as const;
export type NameLocale = (typeof NAME_LOCALES)[number];

/** One emoji's name (as shown) and its keywords (lower case), in each locale we search. */
export type EmojiNames = {
  codepoints: string;
  /** Unicode's order, which puts related emoji together: the tie-break of equal matches. */
  order: number;
  label: Record<NameLocale, string>;
  tags: Record<NameLocale, string[]>;
};

type EmojibaseEntry = { hexcode: string; label: string; tags?: string[]; order?: number };

/** Lower case and composed, so that a typed "하트" matches however the data spells it. */
export const normaliseText = (s: string) => s.normalize("NFC").toLowerCase().trim();

function readLocale(locale: NameLocale): EmojibaseEntry[] {
  // Read at run time rather than imported: the 800 kB files stay out of the server bundle.
  return JSON.parse(fs.readFileSync(path.join(projectRoot(), "node_modules", "emojibase-data", locale, "data.json"), "utf8")) as EmojibaseEntry[];
}

/** The base emoji (skin-tone variants are left out) with English and Korean names, in Unicode's order. */
export function readEmojiNames(): EmojiNames[] {
  const ko = new Map(readLocale("ko").map((e) => [e.hexcode, e]));
  const out: EmojiNames[] = [];
  for (const en of readLocale("en")) {
    if (en.order === undefined) continue; // regional indicators and components: not emoji on their own
    const k = ko.get(en.hexcode);
    out.push({
      codepoints: normaliseCodepoints(en.hexcode),
      order: en.order,
      label: { en: en.label, ko: k?.label ?? en.label },
      tags: { en: (en.tags ?? []).map(normaliseText), ko: (k?.tags ?? []).map(normaliseText) },
    });
  }
  return out.sort((a, b) => a.order - b.order);
}
