import fs from "node:fs";
import path from "node:path";

const SOT = "<|startoftext|>";
const EOT = "<|endoftext|>";
/** CLIP's pre-tokenizer: special tokens, contractions, letter runs, single digits, other runs. */
const WORD = /<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}\p{Nl}\p{No}]+|\p{Nd}|[^\s\p{L}\p{N}]+/giu;

function bytesToUnicode(): string[] {
  const bs: number[] = [];
  for (let b = 33; b <= 126; b++) bs.push(b);
  for (let b = 161; b <= 172; b++) bs.push(b);
  for (let b = 174; b <= 255; b++) bs.push(b);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n++);
    }
  }
  const table: string[] = new Array(256);
  bs.forEach((b, i) => (table[b] = String.fromCodePoint(cs[i]!)));
  return table;
}

const BYTE_TO_CHAR = bytesToUnicode();
const encoder = new TextEncoder();

/** CLIP's byte-level BPE, reading `vocab.json` and `merges.txt` as Stable Diffusion ships them. */
export class ClipTokenizer {
  private readonly ranks = new Map<string, number>();
  private readonly cache = new Map<string, string[]>();

  constructor(
    private readonly vocab: Record<string, number>,
    merges: [string, string][],
    readonly maxLength: number,
  ) {
    merges.forEach(([a, b], i) => this.ranks.set(`${a} ${b}`, i));
    for (const t of [SOT, EOT]) if (!(t in vocab)) throw new Error(`tokenizer vocab lacks ${t}`);
  }

  static load(dir: string): ClipTokenizer {
    const vocab = JSON.parse(fs.readFileSync(path.join(dir, "vocab.json"), "utf8")) as Record<string, number>;
    const merges = fs
      .readFileSync(path.join(dir, "merges.txt"), "utf8")
      .split("\n")
      .slice(1)
      .filter((l) => l.trim())
      .map((l) => l.split(" ") as [string, string]);
    const configPath = path.join(dir, "tokenizer_config.json");
    const maxLength = fs.existsSync(configPath) ? Number(JSON.parse(fs.readFileSync(configPath, "utf8")).model_max_length ?? 77) : 77;
    return new ClipTokenizer(vocab, merges, Math.min(maxLength, 77));
  }

  private bpe(word: string): string[] {
    const hit = this.cache.get(word);
    if (hit) return hit;
    const chars = [...encoder.encode(word)].map((b) => BYTE_TO_CHAR[b]!);
    chars[chars.length - 1] += "</w>";
    let parts = chars;
    while (parts.length > 1) {
      let best = -1;
      let bestRank = Infinity;
      for (let i = 0; i < parts.length - 1; i++) {
        const rank = this.ranks.get(`${parts[i]} ${parts[i + 1]}`);
        if (rank !== undefined && rank < bestRank) {
          bestRank = rank;
          best = i;
        }
      }
      if (best < 0) break;
      parts = [...parts.slice(0, best), parts[best]! + parts[best + 1]!, ...parts.slice(best + 2)];
    }
    if (this.cache.size < 10_000) this.cache.set(word, parts);
    return parts;
  }

  /** Ids with start and end tokens, truncated and padded with the end token to maxLength. */
  encode(text: string): number[] {
    const clean = text.normalize("NFKC").replace(/\s+/gu, " ").trim().toLowerCase();
    const ids = [this.vocab[SOT]!];
    for (const word of clean.match(WORD) ?? []) {
      for (const piece of this.bpe(word)) {
        const id = this.vocab[piece];
        if (id !== undefined) ids.push(id);
      }
    }
    const out = [...ids.slice(0, this.maxLength - 1), this.vocab[EOT]!];
    while (out.length < this.maxLength) out.push(this.vocab[EOT]!);
    return out;
  }
}
