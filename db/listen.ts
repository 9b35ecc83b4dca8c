import pg from "pg";

export type Listening = {
  /** Resolves once the channels are listened to (it never rejects: a failed connect is retried). */
  ready: Promise<void>;
  close: () => Promise<void>;
};

/**
 * A dedicated connection LISTENing on the given channels, reconnecting a second after it drops or
 * fails to connect. This is how web processes hear about each other's edits, access changes and
 * the generation queue. Notifications sent while it was away are lost: `onReconnect` lets the
 * caller catch up.
 */
export function listen(url: string, handlers: Record<string, (payload: string) => void>, opts: { onReconnect?: () => void } = {}): Listening {
  let client: pg.Client | null = null;
  let closed = false;
  let connectedBefore = false;
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const retry = () => {
    if (!closed) setTimeout(() => void connect(), 1000).unref();
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (n) => n.payload !== undefined && handlers[n.channel]?.(n.payload));
    c.on("error", () => {});
    try {
      await c.connect();
      for (const channel of Object.keys(handlers)) await c.query(`LISTEN "${channel}"`);
    } catch {
      await c.end().catch(() => {});
      retry();
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    c.on("end", () => {
      client = null;
      retry();
    });
    if (connectedBefore) opts.onReconnect?.();
    connectedBefore = true;
    markReady();
  };
  void connect();
  return {
    ready,
    close: async () => {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
