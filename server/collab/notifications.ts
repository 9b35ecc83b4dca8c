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

export type DocAnnouncement = { tag: string; canvasId: string; from: number; to: number };

/** `<process tag> <canvas id> <first id> <last id>`, as the update writer's statement sends it. */
export function parseDocAnnouncement(payload: string): DocAnnouncement | null {
  const [tag, canvasId, from, to, ...rest] = payload.split(" ");
  if (rest.length || !tag || !uuid.safeParse(canvasId).success || !/^\d{1,15}$/.test(from ?? "") || !/^\d{1,15}$/.test(to ?? "")) return null;
  return { tag, canvasId: canvasId!.toLowerCase(), from: Number(from), to: Number(to) };
}

export function parseSessionEnded(payload: string): string | null {
  return SESSION_ID.test(payload) ? payload : null;
}
