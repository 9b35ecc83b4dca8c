import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { projectRoot } from "@/db/projectRoot";

export type WorkerProcess = {
  child: ChildProcess;
  /** Everything it printed so far. */
  output: () => string;
  kill: (signal: NodeJS.Signals) => Promise<number | null>;
};

/** The real worker (worker/main.ts) in its own process, against the given database and S3. */
export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot(), "worker", "main.ts")], {
    cwd: projectRoot(),
    env: { ...process.env, ORT_THREADS: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const collect = (d: Buffer) => (out += d.toString());
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 30_000);
    child.stdout!.on("data", () => out.includes("running, concurrency") && (clearTimeout(timer), resolve()));
    child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`worker exited ${code}:\n${out}`))));
  });
  const kill = (signal: NodeJS.Signals) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode) return resolve(child.exitCode);
      child.once("exit", (code) => resolve(code));
      child.kill(signal);
    });
  return { child, output: () => out, kill };
}
