import type { JobName } from "./definitions";

/**
 * The worker's queues: diffusion holds the accelerator for minutes, so it runs on a queue of its
 * own; everything else (mail, print files, mockups, snapshots, expiry, cleanup) is short CPU work
 * that must never wait behind a generation. A worker process runs either queue or both.
 */
export const QUEUES = {
  gpu: ["generate"],
  cpu: ["cleanupExpired", "cleanupUploads", "deleteCanvasObjects", "renderPrintFile", "renderMockups", "renderSnapshot", "renderCanvasCover", "expireOrder", "sendOrderMail", "sendRefundMail", "refundLatePayment"],
} as const satisfies Record<string, readonly JobName[]>;

export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/** How many jobs of each queue one process runs at once, unless told otherwise. */
export const DEFAULT_CONCURRENCY: Record<QueueName, number> = { gpu: 1, cpu: 2 };

/**
 * The queues a worker process runs: `--queues gpu,cpu` on its command line, else WORKER_QUEUES,
 * else both. An unknown name is an error, not a worker that silently runs nothing.
 */
export function chosenQueues(argv: readonly string[], envValue: string | undefined): QueueName[] {
  const flag = argv.findIndex((a) => a === "--queues" || a.startsWith("--queues="));
  const raw = flag < 0 ? envValue : argv[flag]!.includes("=") ? argv[flag]!.split("=")[1] : argv[flag + 1];
  if (!raw?.trim()) return QUEUE_NAMES;
  const names = [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))];
  const unknown = names.filter((n) => !(QUEUE_NAMES as string[]).includes(n));
  if (unknown.length || !names.length) throw new Error(`Unknown worker queue ${unknown.join(", ") || "(none)"}: choose from ${QUEUE_NAMES.join(", ")}`);
  return names as QueueName[];
}

/** A queue's concurrency from GPU_CONCURRENCY / CPU_CONCURRENCY, else its default. */
export function queueConcurrency(queue: QueueName, env: Record<string, string | undefined>): number {
  const raw = env[`${queue.toUpperCase()}_CONCURRENCY`];
  if (raw === undefined || raw === "") return DEFAULT_CONCURRENCY[queue];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new Error(`${queue.toUpperCase()}_CONCURRENCY must be a whole number from 1 to 32, not ${raw}`);
  return n;
}

/** The queue a task runs on. */
export function queueOf(task: string): QueueName | undefined {
  return QUEUE_NAMES.find((q) => (QUEUES[q] as readonly string[]).includes(task));
}
