import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "@/db/projectRoot";
import { buildKoreanLexicon, type EmojiAnnotation, type KoreanLexicon } from "@/domain/prompt/buildKoreanLexicon";

/**
 * Writes domain/prompt/koreanLexicon.json, the Korean → English lexicon that generation prompts
 * are read with, from the CLDR annotations in emojibase-data and the bundled model's tokenizer:
 *   npx tsx scripts/buildKoreanLexicon.ts
 * Run it again after upgrading emojibase-data or retraining the model (a test says when).
 */

export const LEXICON_PATH = path.join(projectRoot(), "domain", "prompt", "koreanLexicon.json");
const TOKENIZER_VOCAB = path.join(projectRoot(), "worker", "models", "merchboard-emoji", "tokenizer", "vocab.json");

function annotations(locale: "ko" | "en"): EmojiAnnotation[] {
  const require = createRequire(import.meta.url);
  return JSON.parse(fs.readFileSync(require.resolve(`emojibase-data/${locale}/data.json`), "utf8")) as EmojiAnnotation[];
}

/** English words the bundled model has a whole token for: the words its captions used often. */
function modelWords(): Set<string> {
  const vocab = JSON.parse(fs.readFileSync(TOKENIZER_VOCAB, "utf8")) as Record<string, number>;
  return new Set(Object.keys(vocab).filter((t) => t.endsWith("</w>")).map((t) => t.slice(0, -"</w>".length)));
}

/** The lexicon as the script builds it; `names: false` leaves out every emoji's name as a whole. */
export function buildFromInstalled(names = true): KoreanLexicon {
  const known = modelWords();
  return buildKoreanLexicon(annotations("ko"), annotations("en"), (w) => known.has(w), names);
}

/** The file's text: one entry a line, so that a rebuild's diff reads as words gained and lost. */
export function lexiconJson(): string {
  const lexicon = buildFromInstalled();
  const lines = Object.entries(lexicon).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = lexiconJson();
  fs.writeFileSync(LEXICON_PATH, text);
  console.log(`${LEXICON_PATH}: ${text.split("\n").length - 3} entries, ${(text.length / 1024).toFixed(0)} KiB`);
}
