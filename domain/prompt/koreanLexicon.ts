import type { Lexicon } from "./understandPrompt";

let loading: Promise<Lexicon> | undefined;

/**
 * The Korean lexicon (built by scripts/buildKoreanLexicon.ts), read on first use and kept: a
 * quarter of a megabyte that only the server's generation requests need.
 */
export function koreanLexicon(): Promise<Lexicon> {
  loading ??= import("./koreanLexicon.json").then(
    (m) => new Map(Object.entries(m.default as Record<string, string>)),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}
