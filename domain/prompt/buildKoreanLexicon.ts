import { KOREAN_COLOURS, KOREAN_EXTRAS, KOREAN_FILLERS } from "./koreanGrammar";
import { HANGUL, lexiconKey, modelEnglish } from "./lexiconKey";

/** One emoji's CLDR annotation as emojibase-data ships it (`<locale>/data.json`), joined by hexcode. */
export type EmojiAnnotation = { hexcode: string; label: string; tags?: string[]; skins?: EmojiAnnotation[] };

/** Korean key (see lexiconKey) → the English the model was trained with. */
export type KoreanLexicon = Record<string, string>;

/** English words that never stand for a Korean word on their own. */
const FUNCTION_WORDS = new Set(["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "s"]);
/** A word alignment is kept when the two words mostly occur on the same emoji (Dice coefficient). */
const MIN_DICE = 0.5;
const MIN_SHARED = 2;
/** A one-word name stands for its word, not its emoji, when the word is in this many names. */
const COMMON_WORD_NAMES = 6;
/** A name with a symbol (키캡: #) loses it in its key, and would take the plain name's place. */
const SYMBOL = /[^\p{L}\p{N}\s:,.()'’&-]/u;

const englishWords = (text: string) => modelEnglish(text).split(/[^\p{L}\p{N}']+/u).filter((w) => w && !FUNCTION_WORDS.has(w));
const koreanWords = (text: string) => text.normalize("NFKC").split(/[\s:,()]+/u).filter((w) => HANGUL.test(w)).map(lexiconKey);

/**
 * Single Korean words aligned with single English words by how often they annotate the same
 * emoji: 고양이 and "cat" mark the same dozen emoji, 하트 and "heart" the hearts. Only base emoji
 * count (a skin tone's words would tie every colour to "skin"), and only English the model knows.
 */
function alignWords(pairs: { ko: string[]; en: string[] }[], known: (word: string) => boolean): Map<string, string> {
  const koCount = new Map<string, number>();
  const enCount = new Map<string, number>();
  const shared = new Map<string, Map<string, number>>();
  for (const { ko, en } of pairs) {
    const kos = new Set(ko);
    const ens = new Set(en.filter(known));
    for (const e of ens) enCount.set(e, (enCount.get(e) ?? 0) + 1);
    for (const k of kos) {
      koCount.set(k, (koCount.get(k) ?? 0) + 1);
      const row = shared.get(k) ?? new Map<string, number>();
      for (const e of ens) row.set(e, (row.get(e) ?? 0) + 1);
      shared.set(k, row);
    }
  }
  const out = new Map<string, string>();
  for (const [k, row] of shared) {
    let best: { e: string; dice: number; n: number } | null = null;
    for (const [e, n] of row) {
      const dice = (2 * n) / (koCount.get(k)! + enCount.get(e)!);
      if (!best || dice > best.dice || (dice === best.dice && (n > best.n || (n === best.n && e < best.e)))) best = { e, dice, n };
    }
    if (best && best.dice >= MIN_DICE && best.n >= MIN_SHARED) out.set(k, best.e);
  }
  return out;
}

/**
 * The Korean → English lexicon, from the CLDR annotations of both languages. Earlier sources win:
 * the hand-written tables (colours, a few words), common words that are also one emoji's name,
 * whole emoji names (빨간색 하트 → red heart), the two halves of a name with a colon (깃발: 대한민국
 * → flag / south korea), alternative names that only one emoji carries (입벌리고 활짝 웃는 고양이),
 * then single words aligned as above.
 */
export function buildKoreanLexicon(
  ko: EmojiAnnotation[],
  en: EmojiAnnotation[],
  known: (englishWord: string) => boolean = () => true,
  /** false: words only, no emoji's name as a whole (how far the words alone carry, for the bench). */
  names = true,
): KoreanLexicon {
  const flat = (list: EmojiAnnotation[]) => list.flatMap((e) => [e, ...(e.skins ?? [])]);
  const english = new Map(flat(en).map((e) => [e.hexcode, e]));
  const lexicon = new Map<string, string>();
  const add = (korean: string, eng: string) => {
    const key = lexiconKey(korean);
    if (HANGUL.test(key) && eng && !lexicon.has(key) && !KOREAN_FILLERS.has(key)) lexicon.set(key, modelEnglish(eng));
  };

  const pairsOf = (list: EmojiAnnotation[]) =>
    list.flatMap((k) => {
      const e = english.get(k.hexcode);
      return e ? [{ k, e }] : [];
    });
  // Every emoji, skin tones included; the base emoji alone for statistics over words.
  const matched = pairsOf(flat(ko));
  const base = pairsOf(ko);
  // Names first: a name's words translate each other more literally than the keywords do.
  const byName = alignWords(base.map(({ k, e }) => ({ ko: koreanWords(k.label), en: englishWords(e.label) })), known);
  const byAll = alignWords(
    base.map(({ k, e }) => ({ ko: [k.label, ...(k.tags ?? [])].flatMap(koreanWords), en: [e.label, ...(e.tags ?? [])].flatMap(englishWords) })),
    known,
  );

  for (const table of [KOREAN_COLOURS, KOREAN_EXTRAS]) for (const [korean, eng] of table) add(korean, eng);
  // A one-word name that is also a common word means the word: 하트 is "heart" (it is in a
  // dozen names), not the card suit that CLDR names 하트; 아이스크림 stays "ice cream".
  const inNames = new Map<string, number>();
  for (const { k } of base) for (const w of new Set(koreanWords(k.label))) inNames.set(w, (inNames.get(w) ?? 0) + 1);
  for (const { k, e } of base) {
    const key = lexiconKey(k.label);
    const word = byName.get(key);
    if (word && (inNames.get(key) ?? 0) >= COMMON_WORD_NAMES && englishWords(e.label).includes(word)) add(k.label, word);
  }
  if (names) {
    for (const { k, e } of matched) if (!SYMBOL.test(k.label)) add(k.label, e.label);
    for (const { k, e } of matched) {
      const koParts = k.label.split(":");
      const enParts = e.label.split(":");
      if (koParts.length === 2 && enParts.length === 2) koParts.forEach((part, i) => add(part, enParts[i]!));
    }
    const tagOwners = new Map<string, Set<string>>();
    for (const { k } of matched) for (const tag of k.tags ?? []) tagOwners.set(tag, (tagOwners.get(tag) ?? new Set()).add(k.hexcode));
    for (const { k, e } of matched) {
      for (const tag of k.tags ?? []) if (/\s/u.test(tag.trim()) && tagOwners.get(tag)!.size === 1) add(tag, e.label);
    }
  }

  for (const [k, e] of byName) add(k, e);
  for (const [k, e] of byAll) add(k, e);

  return Object.fromEntries([...lexicon].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
