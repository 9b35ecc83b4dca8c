export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "TOO_MANY_REQUESTS";

/**
 * The one error type services throw. `reason` is a stable key the UI translates; `message` is the
 * English text shown when no translation exists.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly reason: string,
    message: string,
    /** For TOO_MANY_REQUESTS: when to try again (sent as Retry-After). */
    readonly details: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}
