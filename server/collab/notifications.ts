import { z } from "zod";
import { SESSION_ID } from "../auth/sessionEvents";

/**
 * What other processes announce over LISTEN/NOTIFY, parsed: anyone with access to the database can
 * NOTIFY, and a payload that does not parse is ignored (null), never thrown in the listener.
 */
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const accessChange = z.object({ canvasId: uuid, userId: z.string().min(1).max(255).nullable() });

export type AccessChange = z.infer<typeof accessChange>;

export function parseAccessChange(payload: string): AccessChange | null {
  try {
    return accessChange.safeParse(JSON.parse(payload)).data ?? null;
  } catch {
    return null;
  }
}

export type DocRange = { canvasId: string; from: number; to: number };
export type DocAnnouncement = { tag: string; ranges: DocRange[] };

/** Postgres refuses NOTIFY payloads of 8,000 bytes or more. */
export const MAX_NOTIFY_PAYLOAD = 7_900;
const ID = /^\d{1,15}$/;

/**
 * `<process tag> <canvas id> <first id> <last id> [<canvas id> <first id> <last id> …]`: the ranges
 * one statement of the update writer stored (a server-side edit announces one).
 */
export function parseDocAnnouncement(payload: string): DocAnnouncement | null {
  if (payload.length > MAX_NOTIFY_PAYLOAD) return null;
  const [tag, ...parts] = payload.split(" ");
  if (!tag || !parts.length || parts.length % 3) return null;
  const ranges: DocRange[] = [];
  for (let i = 0; i < parts.length; i += 3) {
    const [canvasId, from, to] = [parts[i]!, parts[i + 1]!, parts[i + 2]!];
    if (!uuid.safeParse(canvasId).success || !ID.test(from) || !ID.test(to)) return null;
    ranges.push({ canvasId: canvasId.toLowerCase(), from: Number(from), to: Number(to) });
  }
  return { tag, ranges };
}

export function parseSessionEnded(payload: string): string | null {
  return SESSION_ID.test(payload) ? payload : null;
}
