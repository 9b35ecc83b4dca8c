export type CollabLimits = {
  maxMessageBytes: number;
  maxDocBytes: number;
  maxSocketsPerUser: number;
  compactAfterUpdates: number;
  /** One awareness state (a client's cursor and selection), as JSON. */
  maxAwarenessStateBytes: number;
  /** Awareness bytes one socket may have relayed to each peer per second (more waits, merged). */
  awarenessBytesPerSecond: number;
  /** Awareness client ids one socket may introduce (a tab has one; a reconnect can add another). */
  maxAwarenessClientIds: number;
  /** Messages per second a socket may send on average, and in one burst. */
  maxMessagesPerSecond: number;
  messageBurst: number;
  /** Bytes waiting to go out to one socket before it counts as a reader that stopped reading. */
  maxBufferedBytes: number;
  /** A sync request while this much of the last answer still waits to go out closes the socket. */
  syncBacklogBytes: number;
  /** Sync requests per minute one socket may make on average, and in one burst (a client makes one per connection). */
  syncRequestsPerMinute: number;
  syncRequestBurst: number;
  /** How often every socket is pinged; one that has not answered the last ping by then is cut off. */
  heartbeatMs: number;
  /** How long a socket the server closes has to answer the close before it is cut off. */
  closeTimeoutMs: number;
  /** Statements of the update writer in flight at once (each a commit, and a flush of the WAL). */
  writesInFlight: number;
  /**
   * Socket writes a second one room's changes may cost: a busy room merges changes (see Fanout)
   * to stay under it, so a room of 200 sends at most 250 frames a second to each socket, and a
   * room of five sends every change at once.
   */
  fanoutWritesPerSecond: number;
  /** A cursor relayed from another web process fades this long after it was last heard of. */
  remoteAwarenessTtlMs: number;
};

export const DEFAULT_LIMITS: CollabLimits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxDocBytes: 32 * 1024 * 1024,
  maxSocketsPerUser: 24,
  compactAfterUpdates: 500,
  // Our client shares at most MAX_SHARED_SELECTION ids (about 8 kB) and a cursor.
  maxAwarenessStateBytes: 16 * 1024,
  // A cursor state is about 100 bytes: 60 moves a second are 6 kB/s.
  awarenessBytesPerSecond: 64 * 1024,
  maxAwarenessClientIds: 4,
  // A drag sends an update and a cursor per frame (about 120 a second); nothing our client does
  // comes near the average, and a reconnect's burst (sync, awareness, queued edits) fits the burst.
  maxMessagesPerSecond: 300,
  messageBurst: 1000,
  // Well over one answer to a full sync of a large canvas, far under what would hurt the process.
  maxBufferedBytes: 64 * 1024 * 1024,
  syncBacklogBytes: 1024 * 1024,
  syncRequestsPerMinute: 6,
  syncRequestBurst: 4,
  heartbeatMs: 15_000,
  closeTimeoutMs: 3000,
  writesInFlight: 2,
  // A room of 200 sends up to 250 frames a second (4 ms apart), far over what a person can tell
  // apart, and merges past it; a room of five waits 0.1 ms at most. At 25,000 a room of 200 held
  // every edit back 4 ms on average at 200 edits a second: most of its p50 and much of its p99.
  fanoutWritesPerSecond: 50_000,
  // y-protocols clients renew their awareness every 15 s and forget a peer's after 30 s.
  remoteAwarenessTtlMs: 30_000,
};
