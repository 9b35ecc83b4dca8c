import { NAME_LOCALES, normaliseText, type EmojiNames } from "./emojiNames";

/** How well an emoji matches a query: lower is better. */
const RANK = { exactName: 0, nameWord: 1, nameWordPrefix: 2, keyword: 3, substring: 4, allWords: 5 } as const;

type Searchable = { names: string[]; nameWords: string[]; tags: string[] };

/** An emoji's names and keywords in every locale, prepared once: a search is a scan of ~1,900 of these. */
export type SearchIndex = { emoji: EmojiNames; text: Searchable }[];

export function buildSearchIndex(emoji: EmojiNames[]): SearchIndex {
  return emoji.map((e) => {
    const names = NAME_LOCALES.map((l) => normaliseText(e.label[l]));
    return { emoji: e, text: { names, nameWords: names.flatMap((n) => n.split(/[\s:,]+/).filter(Boolean)), tags: NAME_LOCALES.flatMap((l) => e.tags[l]) } };
  });
}

function rankOf(q: string, t: Searchable): number | null {
  if (t.names.includes(q)) return RANK.exactName;
  if (t.names.some((n) => n.startsWith(q)) || t.nameWords.includes(q)) return RANK.nameWord;
  if (t.nameWords.some((w) => w.startsWith(q))) return RANK.nameWordPrefix;
  if (t.tags.some((k) => k === q || k.startsWith(q))) return RANK.keyword;
  if (t.names.some((n) => n.includes(q)) || t.tags.some((k) => k.includes(q))) return RANK.substring;
  return null;
}

/**
 * The emoji matching `query` in any locale, best first: exact name, then a name that starts with
 * it or has it as a word ("heart": red heart), then a word of the name that starts with it
 * (hearts), then a keyword, then any substring; a query of several words that matches none of
 * these whole matches when each word does. Among equal matches the shorter English name (the plainer
 * picture) comes first, then Unicode's order.
 */
export function searchEmoji(index: SearchIndex, query: string): EmojiNames[] {
  const q = normaliseText(query).replace(/\s+/g, " ");
  if (!q) return [];
  const words = q.split(" ");
  const ranked: { emoji: EmojiNames; rank: number; length: number }[] = [];
  for (const { emoji, text } of index) {
    let rank = rankOf(q, text);
    if (rank === null && words.length > 1 && words.every((w) => rankOf(w, text) !== null)) rank = RANK.allWords;
    if (rank !== null) ranked.push({ emoji, rank, length: text.names[0]!.length });
  }
  // Array sort is stable, and the index is in Unicode's order.
  return ranked.sort((a, b) => a.rank - b.rank || a.length - b.length).map((r) => r.emoji);
}
