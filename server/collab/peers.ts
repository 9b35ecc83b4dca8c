import type pg from "pg";
import { PROCESS_TAG } from "../services/canvas/docStore";

export const PEERS_CHANNEL = "collab_peers";

/** How often a process says it is there, and after how long without a word a peer is gone. */
const HELLO_EVERY_MS = 10_000;
const PEER_GONE_MS = 3 * HELLO_EVERY_MS;
const TAG = /^[0-9a-f]{8}$/;

/**
 * The other web processes on this database, as far as this one knows: it tells them its stored
 * edits and its sockets' awareness only while there are any, so a lone process (`npm start`)
 * sends Postgres no notifications for them. Processes say hello every few seconds, and welcome a
 * process they did not know (`<tag> <newcomer's tag>`).
 *
 * A newcomer's rooms may have loaded before the others knew of it, while they still kept their
 * edits to themselves; so a process that is welcomed reads its rooms' stored state again. Every
 * edit its welcomer did not announce was stored before the welcome was sent, so nothing is missed:
 * a process decides whether to announce only after its edit is stored, and welcomes a newcomer only
 * after it has started announcing to it. A peer silent past the time-out is forgotten, and welcomed
 * (so catches up) again when it is next heard.
 */
export class Peers {
  private readonly heardAt = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: pg.Pool,
    /** Another process started telling us its edits: what it kept to itself before is stored. */
    private readonly onWelcomed: () => void,
  ) {}

  /** Once this process listens: a hello sent earlier could be answered before it hears the answer. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.say(PROCESS_TAG), HELLO_EVERY_MS);
    this.timer.unref();
    this.say(PROCESS_TAG);
  }

  /** A hello (`<tag>`) or a welcome (`<tag> <welcomed tag>`) on the peers' channel. */
  heard(payload: string): void {
    const [tag, welcomed, ...rest] = payload.split(" ");
    if (!tag || !TAG.test(tag) || tag === PROCESS_TAG || rest.length || (welcomed !== undefined && !TAG.test(welcomed))) return;
    const now = Date.now();
    const isNew = now - (this.heardAt.get(tag) ?? -Infinity) > PEER_GONE_MS;
    // Known before the welcome goes out: everything stored from here on is announced to it.
    this.heardAt.set(tag, now);
    if (isNew) this.say(`${PROCESS_TAG} ${tag}`);
    if (welcomed === PROCESS_TAG) this.onWelcomed();
  }

  /** Whether another process may have any of our rooms open. */
  get shared(): boolean {
    const now = Date.now();
    for (const [tag, at] of this.heardAt) if (now - at > PEER_GONE_MS) this.heardAt.delete(tag);
    return this.heardAt.size > 0;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private say(payload: string): void {
    this.pool.query("select pg_notify($1, $2)", [PEERS_CHANNEL, payload]).catch(() => {});
  }
}
