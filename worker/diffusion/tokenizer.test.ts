import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLED_MODEL_DIR } from "./bundledModel";
import { ClipTokenizer } from "./tokenizer";

const fixtures = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "fixtures", "tokenizer.json"), "utf8")) as {
  max_length: number;
  cases: { text: string; ids: number[] }[];
};

describe("CLIP tokenizer", () => {
  const tok = ClipTokenizer.load(process.env.TOKENIZER_DIR ?? path.join(BUNDLED_MODEL_DIR, "tokenizer"));

  it("matches the training recipe's tokenizer on every fixture", () => {
    expect(tok.maxLength).toBe(fixtures.max_length);
    for (const c of fixtures.cases) expect(tok.encode(c.text), JSON.stringify(c.text)).toEqual(c.ids);
  });

  it("pads with the end token and truncates long prompts", () => {
    const long = tok.encode("word ".repeat(200));
    expect(long).toHaveLength(tok.maxLength);
    expect(long.at(-1)).toBe(tok.encode("")[1]);
  });
});
