/**
 * The little Korean grammar that the CLDR annotations cannot teach: colour words in the forms
 * people type (the annotations say 빨간색 하트; people write 빨간 하트 or 빨강 하트) and the particles
 * that attach to a noun (고양이를, 하트의). Everything else comes from the annotations.
 */

const COLOUR_FORMS: Record<string, string[]> = {
  red: ["빨간", "빨강", "빨간색", "빨강색", "붉은", "붉은색", "적색"],
  blue: ["파란", "파랑", "파란색", "파랑색", "푸른", "청색"],
  yellow: ["노란", "노랑", "노란색", "노랑색", "황색"],
  green: ["초록", "초록색", "녹색", "초록빛"],
  black: ["검은", "검정", "검은색", "검정색", "까만", "까만색", "흑색"],
  white: ["하얀", "하양", "하얀색", "흰", "흰색", "백색"],
  orange: ["주황", "주황색", "오렌지색"],
  purple: ["보라", "보라색", "보랏빛"],
  pink: ["분홍", "분홍색", "핑크", "핑크색"],
  brown: ["갈색", "밤색"],
  grey: ["회색", "잿빛"],
  gold: ["금색", "금빛", "황금색"],
  silver: ["은색", "은빛"],
};

/** Korean colour words → the English colour the model was trained with. */
export const KOREAN_COLOURS: ReadonlyMap<string, string> = new Map(
  Object.entries(COLOUR_FORMS).flatMap(([english, forms]) => forms.map((form) => [form, english] as const)),
);

/**
 * Words people type that the annotations lack or misalign: the Korean flag's own name, and words
 * of wearing and holding, which co-occur with one emoji's things by chance (쓴 is not "veil").
 */
export const KOREAN_EXTRAS: ReadonlyMap<string, string> = new Map([
  ["태극기", "flag of korea"],
  ["한국", "korea"],
  ["국기", "flag"],
]);
/** Not content: left out of a prompt's English (neither translated nor reported unknown). */
export const KOREAN_FILLERS: ReadonlySet<string> = new Set(["쓴", "낀", "입은", "든", "있는", "그리고", "및", "그려줘", "그려", "만들어줘"]);

/**
 * Particles that may follow a noun, longest first so that 으로 is removed whole, not as 로. Only
 * tried when the word as typed is unknown: 고양이 is a word, not 고양 + 이.
 */
const PARTICLES = ["에게서", "으로", "에서", "에게", "하고", "이랑", "처럼", "까지", "부터", "의", "을", "를", "이", "가", "은", "는", "와", "과", "에", "로", "랑", "도", "만"];

/** The forms under which a typed word may be in the lexicon: as typed, then without a particle. */
export function wordForms(word: string): string[] {
  const forms = [word];
  for (const p of PARTICLES) {
    if (word.length > p.length && word.endsWith(p)) forms.push(word.slice(0, -p.length));
  }
  return forms;
}
