import pg from "pg";

/**
 * A dedicated connection LISTENing on the given channels, reconnecting when it drops. This is how
 * web processes hear about each other's edits and access changes.
 */
export function listen(url: string, handlers: Record<string, (payload: string) => void>): { ready: Promise<void>; close: () => Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (n) => n.payload !== undefined && handlers[n.channel]?.(n.payload));
    c.on("error", () => {});
    c.on("end", () => {
      if (!closed) setTimeout(() => void connect().catch(() => {}), 1000).unref();
    });
    try {
      await c.connect();
      for (const channel of Object.keys(handlers)) await c.query(`LISTEN "${channel}"`);
      client = c;
      markReady();
    } catch {
      await c.end().catch(() => {});
    }
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
