/** Hangul syllables and jamo: what marks a word as Korean. */
export const HANGUL = /[\p{Script=Hangul}]/u;

/**
 * How a Korean word or phrase is looked up: spacing and punctuation dropped, since people space
 * Korean freely (고양이 얼굴, 고양이얼굴) and CLDR writes 깃발: 대한민국.
 */
export function lexiconKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** English as the model's captions spell it (the recipe's `clean`: NFKC, lower case). */
export function modelEnglish(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}
