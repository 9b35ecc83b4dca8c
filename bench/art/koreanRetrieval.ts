import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "@/db/projectRoot";
import { koreanLexicon } from "@/domain/prompt/koreanLexicon";
import { saysSomething, understandPrompt, type Lexicon } from "@/domain/prompt/understandPrompt";
import { buildFromInstalled } from "@/scripts/buildKoreanLexicon";

/**
 * The model's group retrieval for Korean prompts beside English ones, on the held-out emoji:
 * each is prompted with its English CLDR name, and with its Korean CLDR name as generation.create
 * understands it (the product's own code). The Korean names come from Debian's CLDR (the release
 * the model's English captions came from), not from the npm annotations the lexicon was built
 * from, so a name the lexicon has not seen word for word is read through its words. Nearly every
 * name is in the lexicon whole, so a third list reads the names with a lexicon of words alone (no
 * emoji's name as a whole): what the words carry on their own, as in prompts CLDR never named.
 *   npx tsx bench/art/koreanRetrieval.ts [--limit N]
 */

const CLDR = "/usr/share/unicode/cldr/common";
const PYTHON = "/usr/bin/python3";

export type RetrievalRow = { measure: string; english: number; korean: number; n: number };

type Scores = { group: number; top5: number; seconds: number; refused: number; same_prompt: number; differing: { english: string; korean: string | null }[] };
type PythonReport = { n: number; english: Scores; korean: Scores; korean_words: Scores };

const XML_ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (m) => XML_ENTITIES[m]!);

/** emoji (CLDR `cp`) → its Korean name (CLDR's `tts` annotation). */
function koreanNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const sub of ["annotations", "annotationsDerived"]) {
    const xml = fs.readFileSync(path.join(CLDR, sub, "ko.xml"), "utf8");
    for (const m of xml.matchAll(/<annotation cp="([^"]+)" type="tts">([^<]+)<\/annotation>/g)) names.set(unescape(m[1]!), unescape(m[2]!).trim());
  }
  return names;
}

function runPython(args: string[]): Promise<PythonReport> {
  return new Promise((resolve, reject) => {
    const py = spawn(PYTHON, args, { cwd: projectRoot(), stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    py.stdout.on("data", (d: Buffer) => (out += d.toString()));
    py.on("error", reject);
    py.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${path.basename(args[0]!)} exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").at(-1)!) as PythonReport);
    });
  });
}

/** The last report's details, for the table printed when run on its own. */
let lastReport: (PythonReport & { lexiconMs: number; understandUs: number }) | undefined;

export async function measureKoreanRetrieval(opts: { limit?: number } = {}): Promise<{ rows: RetrievalRow[] }> {
  const t0 = performance.now();
  const lexicon = await koreanLexicon();
  const lexiconMs = performance.now() - t0;
  const names = koreanNames();
  // As generation.create and the worker read a name: the understood English, else the name as
  // typed; null where create refuses it.
  const readAll = (lex: Lexicon) => {
    const out: Record<string, string | null> = {};
    for (const [cp, name] of names) {
      const { understood: english } = understandPrompt(name, lex);
      out[cp] = english === null ? name : saysSomething(english) ? english : null;
    }
    return out;
  };
  const t1 = performance.now();
  const korean = readAll(lexicon);
  const understandUs = ((performance.now() - t1) / names.size) * 1000;
  const koreanWords = readAll(new Map(Object.entries(buildFromInstalled(false))));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "korean-retrieval-"));
  try {
    const file = path.join(dir, "understood.json");
    fs.writeFileSync(file, JSON.stringify({ korean, korean_words: koreanWords }));
    const root = projectRoot();
    const report = await runPython([
      path.join(root, "bench", "art", "korean_retrieval.py"),
      file,
      path.join(root, "worker", "models", "merchboard-emoji"),
      path.join(root, ".data", "bench", "korean-retrieval"),
      ...(opts.limit ? ["--limit", String(opts.limit)] : []),
    ]);
    lastReport = { ...report, lexiconMs, understandUs };
    const pct = (x: number) => Math.round(x * 1000) / 10;
    return {
      rows: [
        { measure: "nearest in the caption's group, held-out emoji (%)", english: pct(report.english.group), korean: pct(report.korean.group), n: report.n },
        { measure: "top-5 retrieval, held-out emoji (%)", english: pct(report.english.top5), korean: pct(report.korean.top5), n: report.n },
        { measure: "nearest in the caption's group, Korean read word by word (no whole names) (%)", english: pct(report.english.group), korean: pct(report.korean_words.group), n: report.n },
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const limitAt = process.argv.indexOf("--limit");
  const { rows } = await measureKoreanRetrieval({ limit: limitAt > 0 ? Number(process.argv[limitAt + 1]) : undefined });
  const r = lastReport!;
  console.log(`\nGroup retrieval, English CLDR names vs Korean CLDR names as understood (${r.n} held-out emoji, autoencoder latents)\n`);
  console.log("| measure | English | Korean | Korean − English | n |\n|---|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.measure} | ${row.english} | ${row.korean} | ${(row.korean - row.english).toFixed(1)} | ${row.n} |`);
  for (const [label, s] of [["Korean", r.korean], ["Korean word by word", r.korean_words]] as const) {
    console.log(`\n${label}: understood as exactly the English name ${s.same_prompt} of ${r.n}, refused (no word known) ${s.refused}; otherwise:`);
    for (const d of s.differing) console.log(`  ${d.english}  ←  ${d.korean ?? "(refused)"}`);
  }
  console.log(`\nLexicon loaded in ${r.lexiconMs.toFixed(0)} ms; a name understood in ${r.understandUs.toFixed(0)} µs on average.`);
  console.log(`Generation in PyTorch: ${r.english.seconds} s (English), ${r.korean.seconds} s (Korean), ${r.korean_words.seconds} s (word by word).`);
}
