export type CollabLimits = {
  maxMessageBytes: number;
  maxDocBytes: number;
  maxSocketsPerUser: number;
  compactAfterUpdates: number;
  /** One awareness state (a client's cursor and selection), as JSON. */
  maxAwarenessStateBytes: number;
  /** Awareness client ids one socket may introduce (a tab has one; a reconnect can add another). */
  maxAwarenessClientIds: number;
  /** Messages per second a socket may send on average, and in one burst. */
  maxMessagesPerSecond: number;
  messageBurst: number;
  /** Bytes waiting to go out to one socket before it counts as a reader that stopped reading. */
  maxBufferedBytes: number;
  /** Statements of the update writer in flight at once (each a commit, and a flush of the WAL). */
  writesInFlight: number;
};

export const DEFAULT_LIMITS: CollabLimits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxDocBytes: 32 * 1024 * 1024,
  maxSocketsPerUser: 24,
  compactAfterUpdates: 500,
  // A selection of 2,000 objects is about 80 kB of ids.
  maxAwarenessStateBytes: 128 * 1024,
  maxAwarenessClientIds: 4,
  // A drag sends an update and a cursor per frame (about 120 a second); nothing our client does
  // comes near the average, and a reconnect's burst (sync, awareness, queued edits) fits the burst.
  maxMessagesPerSecond: 300,
  messageBurst: 1000,
  // Well over one answer to a full sync of a large canvas, far under what would hurt the process.
  maxBufferedBytes: 64 * 1024 * 1024,
  writesInFlight: 2,
};
