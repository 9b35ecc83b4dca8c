import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** y-websocket's message types, and the sync sub-types inside a sync message. */
export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_AUTH = 2;
export const MSG_QUERY_AWARENESS = 3;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/**
 * Close codes the client can act on (4000–4999 are the application's own). The y-websocket provider
 * stops reconnecting on 4400–4499 and retries on any other code.
 */
export const CLOSE = {
  malformed: 4400,
  revoked: 4403,
  signedOut: 4401,
  canvasGone: 4404,
  roleChanged: 4300,
  tooLarge: 4413,
  /** An edit that puts a non-asset URL into an image. */
  refusedContent: 4422,
  /** Messages faster than the per-socket rate limit. */
  tooManyMessages: 4429,
  storageUnavailable: 4500,
  messageTooBig: 1009,
  /** This web process is stopping: reconnect (to another one, or to this one restarted). */
  restarting: 1012,
} as const;

export type Incoming =
  | { type: "syncStep1"; stateVector: Uint8Array }
  | { type: "update"; update: Uint8Array; step2: boolean }
  | { type: "awareness"; update: Uint8Array }
  | { type: "queryAwareness" }
  | { type: "auth" };

/** Decodes one frame; throws on anything malformed or truncated, so the caller can close the socket. */
export function decodeMessage(data: Uint8Array): Incoming {
  const dec = decoding.createDecoder(data);
  const type = decoding.readVarUint(dec);
  let msg: Incoming;
  if (type === MSG_SYNC) {
    const sub = decoding.readVarUint(dec);
    const payload = decoding.readVarUint8Array(dec);
    if (sub === SYNC_STEP1) msg = { type: "syncStep1", stateVector: payload };
    else if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) msg = { type: "update", update: payload, step2: sub === SYNC_STEP2 };
    else throw new Error(`unknown sync message ${sub}`);
  } else if (type === MSG_AWARENESS) msg = { type: "awareness", update: decoding.readVarUint8Array(dec) };
  else if (type === MSG_QUERY_AWARENESS) msg = { type: "queryAwareness" };
  else if (type === MSG_AUTH) msg = { type: "auth" };
  else throw new Error(`unknown message type ${type}`);
  if (decoding.hasContent(dec)) throw new Error("trailing bytes in message");
  return msg;
}

export function encodeSync(sub: number, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MSG_SYNC);
  encoding.writeVarUint(enc, sub);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MSG_AWARENESS);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

export type AwarenessEntry = { clientId: number; clock: number; state: Record<string, unknown> | null };
/** As a client sent it: `state` is parsed JSON, or undefined when it was over the size limit (never parsed). */
export type IncomingAwarenessEntry = { clientId: number; clock: number; state: unknown };

/** An awareness update's entries (clientID, clock, JSON state), so the server can check and stamp them. */
export function decodeAwarenessUpdate(update: Uint8Array, maxStateBytes: number): IncomingAwarenessEntry[] {
  const dec = decoding.createDecoder(update);
  const n = decoding.readVarUint(dec);
  if (n > 1000) throw new Error("too many awareness entries");
  const out: IncomingAwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(dec);
    const clock = decoding.readVarUint(dec);
    const json = decoding.readVarString(dec);
    // Characters, not bytes: a cheap bound that holds before anything is parsed.
    out.push({ clientId, clock, state: json.length > maxStateBytes ? undefined : (JSON.parse(json) as unknown) });
  }
  if (decoding.hasContent(dec)) throw new Error("trailing bytes in awareness update");
  return out;
}

export function encodeAwarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(enc, e.clientId);
    encoding.writeVarUint(enc, e.clock);
    encoding.writeVarString(enc, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(enc);
}
