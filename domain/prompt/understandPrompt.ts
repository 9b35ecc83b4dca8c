import { KOREAN_FILLERS, wordForms } from "./koreanGrammar";
import { HANGUL, lexiconKey } from "./lexiconKey";

export type Lexicon = ReadonlyMap<string, string>;

export type Understanding = {
  /** The English prompt the model receives; null when the prompt has no Korean (read as written). */
  understood: string | null;
  /** Korean words that the lexicon does not know: left out of `understood`. */
  unknown: string[];
};

/** Korean words separated by nothing but spaces: one stretch to translate. */
const KOREAN_RUN = /\p{Script=Hangul}+(?:\s+\p{Script=Hangul}+)*/gu;
/** The longest CLDR name has seven words; a phrase is looked for over at most this many. */
const MAX_PHRASE_WORDS = 8;
/** Longer than any lexicon key without spaces: bounds the work on a long unspaced word. */
const MAX_PART_SYLLABLES = 24;

/** A phrase's words, as keys, looked up whole; the last word may carry a particle. */
function lookup(lexicon: Lexicon, keys: string[]): string | undefined {
  const head = keys.slice(0, -1).join("");
  for (const form of wordForms(keys.at(-1)!)) {
    const hit = lexicon.get(head + form);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A word written without spaces (빨간하트, 웃는고양이얼굴) as the fewest lexicon entries of two or
 * more syllables that make it up exactly; null when no such reading exists. Single syllables are
 * not used as parts: too many unknown words would split into them by chance.
 */
function splitCompound(lexicon: Lexicon, key: string): string[] | null {
  for (const form of wordForms(key)) {
    const chars = [...form];
    const best: (string[] | null)[] = [[], ...chars.map(() => null)];
    for (let end = 2; end <= chars.length; end++) {
      for (let start = Math.max(0, end - MAX_PART_SYLLABLES); start <= end - 2; start++) {
        const before = best[start];
        const hit = before && lexicon.get(chars.slice(start, end).join(""));
        if (hit && (!best[end] || before.length + 1 < best[end]!.length)) best[end] = [...before, hit];
      }
    }
    if (best[chars.length]) return best[chars.length]!;
  }
  return null;
}

/** One stretch of Korean words → English, longest phrase first, left to right. */
function translateRun(lexicon: Lexicon, run: string, unknown: string[]): string {
  const words = run.split(/\s+/u);
  const keys = words.map(lexiconKey);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1 && !taken; n--) {
      const hit = lookup(lexicon, keys.slice(i, i + n));
      if (hit) {
        out.push(hit);
        taken = n;
      }
    }
    if (!taken && KOREAN_FILLERS.has(keys[i]!)) taken = 1;
    if (!taken) {
      const parts = splitCompound(lexicon, keys[i]!);
      if (parts) out.push(...parts);
      else unknown.push(words[i]!);
      taken = 1;
    }
    i += taken;
  }
  return out.join(" ");
}

/**
 * Reads a prompt the way the model can: each Korean stretch becomes the English of its CLDR
 * annotations ("빨간 하트" → "red heart", "하트 with sunglasses" → "heart with sunglasses"), English
 * and everything else stay as typed. Korean words the lexicon lacks are left out: the model's
 * tokenizer has no Korean, so passing them on would feed it noise.
 */
export function understandPrompt(prompt: string, lexicon: Lexicon): Understanding {
  const text = prompt.normalize("NFKC");
  if (!HANGUL.test(text)) return { understood: null, unknown: [] };
  const unknown: string[] = [];
  const spaced = text.replace(KOREAN_RUN, (run) => ` ${translateRun(lexicon, run, unknown)} `);
  const understood = spaced
    .replace(/\s+/gu, " ")
    .replace(/ (?=[,.!?;:)])/gu, "")
    .replace(/(?<=\() /gu, "")
    .replace(/^[\s,;]+|[\s,;]+$/gu, "");
  return { understood, unknown };
}

/** Whether an understood prompt still says anything: not only punctuation, or nothing at all. */
export function saysSomething(understood: string): boolean {
  return /[\p{L}\p{N}]/u.test(understood);
}
