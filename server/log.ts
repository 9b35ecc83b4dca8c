import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

/** What a log line is about: the HTTP request it serves, or the job (and the request that queued it). */
export type LogContext = { reqId?: string; jobId?: string; task?: string };

export const logContext = new AsyncLocalStorage<LogContext>();

let role: "web" | "worker" = "web";
/** Which process writes: the worker says so when it starts. */
export function setLogRole(r: "web" | "worker"): void {
  role = r;
}

/** Pretty lines for a person at a terminal in development; JSON lines otherwise (and always with LOG_FORMAT=json). */
const pretty = process.env.LOG_FORMAT === "pretty" || (process.env.LOG_FORMAT !== "json" && !!process.stdout.isTTY && process.env.NODE_ENV !== "production");

/**
 * The one logger of the web and worker processes: JSON lines on stdout with the level, time,
 * process role and, inside a request or a job, its request id, carried from the HTTP request into
 * the jobs it queued. Written synchronously, so nothing is lost when a process exits.
 */
export const log = makeLogger(
  pretty ? pino.transport({ target: "pino-pretty", options: { colorize: true, ignore: "pid,hostname", translateTime: "HH:MM:ss.l" } }) : pino.destination({ dest: 1, sync: true }),
);

/** A logger writing to `destination`, with the process's role and the current request or job in every line. */
export function makeLogger(destination: pino.DestinationStream) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      base: { pid: process.pid },
      mixin: () => ({ role, ...logContext.getStore() }),
    },
    destination,
  );
}

/** A request id from the caller (a proxy's X-Request-Id) when it looks like one, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[\w.:-]{8,64}$/.test(given) ? given : crypto.randomUUID();
}
