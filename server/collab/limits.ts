export type CollabLimits = {
  maxMessageBytes: number;
  maxDocBytes: number;
  maxSocketsPerUser: number;
  compactAfterUpdates: number;
};

export const DEFAULT_LIMITS: CollabLimits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxDocBytes: 32 * 1024 * 1024,
  maxSocketsPerUser: 24,
  compactAfterUpdates: 500,
};
