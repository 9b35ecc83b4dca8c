import { spawn } from "node:child_process";
import fs from "node:fs";

/** Debian's Python: its torch, onnx and fontTools are the recipe's; another interpreter lacks them. */
export const RECIPE_PYTHON = "/usr/bin/python3";

const PY = "/usr/lib/python3/dist-packages";

/** The Debian packages the recipe trains with and reads its data from, each with a file it installs. */
export const RECIPE_PACKAGES: Record<string, string> = {
  python3: RECIPE_PYTHON,
  "python3-torch": `${PY}/torch`,
  "python3-onnx": `${PY}/onnx`,
  "python3-fonttools": `${PY}/fontTools`,
  "python3-pil": `${PY}/PIL`,
  "python3-cairosvg": `${PY}/cairosvg`,
  "fonts-noto-color-emoji": "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
  "unicode-cldr-core": "/usr/share/unicode/cldr/common/annotations/en.xml",
  "unicode-data": "/usr/share/unicode/emoji/emoji-test.txt",
};

export function missingRecipePrerequisites(): string[] {
  return Object.entries(RECIPE_PACKAGES)
    .filter(([, file]) => !fs.existsSync(file))
    .map(([pkg]) => pkg);
}

/** Fails with what to install when the recipe's Debian packages are missing. */
export function requireRecipePrerequisites(): void {
  const missing = missingRecipePrerequisites();
  if (missing.length) throw new Error(`The recipe needs Debian's ${missing.join(", ")} (npm test installs them when run as root)`);
}

/** Runs the recipe's Python in its folder; resolves with the exit code and everything it printed. */
export function recipePython(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(RECIPE_PYTHON, args, { cwd: import.meta.dirname, env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
