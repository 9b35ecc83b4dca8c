import { spawn, type ChildProcess } from "node:child_process";
import { projectRoot } from "@/db/projectRoot";

export type RoleProcess = {
  child: ChildProcess;
  port?: number;
  log: () => string;
  /** Sends the signal and resolves with the exit code once the process is gone. */
  stop: (signal: NodeJS.Signals) => Promise<number | null>;
};

/**
 * One role (`web` or `worker`) of the production build, as `npm start -- --role <role>` runs it
 * against a shared Postgres and S3; resolves once it serves (web: /api/ready answers 200).
 */
export async function startRole(role: "web" | "worker", env: Record<string, string>, port?: number): Promise<RoleProcess> {
  const child = spawn(process.execPath, [".build/scripts/start.mjs", "--role", role], {
    cwd: projectRoot(),
    env: { ...process.env, ORT_THREADS: "1", NODE_ENV: "production", ...env, ...(port ? { PORT: String(port) } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const stop = (signal: NodeJS.Signals) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode) return resolve(child.exitCode);
      child.once("exit", (code) => resolve(code));
      child.kill(signal);
    });
  const ready = role === "web" ? () => fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.status === 200, () => false) : async () => log.includes("worker running, concurrency");
  for (const until = Date.now() + 120_000; ; ) {
    if (child.exitCode !== null) throw new Error(`${role} exited ${child.exitCode}:\n${log}`);
    if (await ready()) break;
    if (Date.now() > until) {
      await stop("SIGKILL");
      throw new Error(`${role} did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, port, log: () => log, stop };
}
