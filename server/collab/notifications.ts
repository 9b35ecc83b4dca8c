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

/** `updates`: the range's rows themselves, in order, when the writer sent them along (small ones). */
export type DocRange = { canvasId: string; from: number; to: number; updates?: Uint8Array[] };
export type DocAnnouncement = { tag: string; ranges: DocRange[] };

/** Postgres refuses NOTIFY payloads of 8,000 bytes or more. */
export const MAX_NOTIFY_PAYLOAD = 7_900;
const ID = /^\d{1,15}$/;
const INLINE = /^=[A-Za-z0-9+/=]+(,[A-Za-z0-9+/=]+)*$/;

/**
 * `<process tag> <canvas id> <first id> <last id> [=<base64 row>,<base64 row>…] [<canvas id> …]`:
 * the ranges one statement of the update writer stored (a server-side edit announces one), each
 * optionally followed by its rows, so that other processes need not read them back.
 */
export function parseDocAnnouncement(payload: string): DocAnnouncement | null {
  if (payload.length > MAX_NOTIFY_PAYLOAD) return null;
  const [tag, ...parts] = payload.split(" ");
  if (!tag || !parts.length) return null;
  const ranges: DocRange[] = [];
  for (let i = 0; i < parts.length; ) {
    const [canvasId, from, to] = [parts[i]!, parts[i + 1], parts[i + 2]];
    if (!uuid.safeParse(canvasId).success || !from || !to || !ID.test(from) || !ID.test(to)) return null;
    const range: DocRange = { canvasId: canvasId.toLowerCase(), from: Number(from), to: Number(to) };
    i += 3;
    const inline = parts[i];
    if (inline?.startsWith("=")) {
      if (!INLINE.test(inline)) return null;
      range.updates = inline.slice(1).split(",").map((b) => new Uint8Array(Buffer.from(b, "base64")));
      i++;
    }
    ranges.push(range);
  }
  return { tag, ranges };
}

/** A range's announcement, its rows inline when given. */
export function docRangeText(canvasId: string, from: number, to: number, updates?: Uint8Array[]): string {
  const range = `${canvasId} ${from} ${to}`;
  return updates ? `${range} =${updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString("base64")).join(",")}` : range;
}

export function parseSessionEnded(payload: string): string | null {
  return SESSION_ID.test(payload) ? payload : null;
}

export type AwarenessNotice = { tag: string; canvasId: string; update: Uint8Array };

/** `<process tag> <canvas id> <base64 awareness update>` (see AwarenessPeers). */
export function parseAwarenessNotice(payload: string): AwarenessNotice | null {
  if (payload.length > MAX_NOTIFY_PAYLOAD) return null;
  const [tag, canvasId, data, ...rest] = payload.split(" ");
  if (!tag || !canvasId || !data || rest.length || !uuid.safeParse(canvasId).success || !/^[A-Za-z0-9+/=]+$/.test(data)) return null;
  return { tag, canvasId: canvasId.toLowerCase(), update: new Uint8Array(Buffer.from(data, "base64")) };
}
