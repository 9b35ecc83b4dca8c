import { sql, type SQL } from "drizzle-orm";

export const GENERATION_CHANNEL = "generation_events";

/**
 * `status`: a generation joined, left or moved in the queue, which moves everyone behind it, on
 * any canvas. `progress`: a step or a preview, which only its own canvas shows.
 */
export type GenerationEvent = { canvasId: string; id: string; kind: "status" | "progress" };

/** A pg_notify call to put in the statement (or transaction) that makes the change. */
export function notifyGeneration(event: GenerationEvent): SQL {
  return sql`pg_notify(${GENERATION_CHANNEL}, ${JSON.stringify(event)})`;
}

export function parseGenerationEvent(payload: string): GenerationEvent | null {
  try {
    const e = JSON.parse(payload) as Partial<GenerationEvent>;
    return typeof e.canvasId === "string" && typeof e.id === "string" && (e.kind === "status" || e.kind === "progress") ? (e as GenerationEvent) : null;
  } catch {
    return null;
  }
}
