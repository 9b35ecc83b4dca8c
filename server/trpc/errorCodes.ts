import { TRPCError } from "@trpc/server";
import { AppError, type AppErrorCode } from "../errors";

/** The single table from service errors to tRPC codes. */
const CODES: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

export function toTrpcError(error: AppError): TRPCError {
  return new TRPCError({ code: CODES[error.code], message: error.message, cause: error });
}
