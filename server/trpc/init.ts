import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { AppError } from "../errors";
import { requireCanvasRole } from "../services/canvas/access";
import type { Role } from "../services/canvas/roles";
import type { Context } from "./context";
import { toTrpcError } from "./errorCodes";

function describeZodError(error: ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Keeps idle event streams (the generation queue) alive through proxies; the client reconnects
  // when it hears nothing for longer.
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 } },
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    if (internal) console.error("[trpc] internal error:", error.cause ?? error);
    return {
      ...shape,
      message: zod ? describeZodError(zod) : internal ? "Something went wrong on our side. Please try again." : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        reason: error.cause instanceof AppError ? error.cause.reason : zod ? "invalidInput" : null,
        fieldErrors: zod ? z.flattenError(zod).fieldErrors : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Service errors become typed tRPC errors here, once for every procedure. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) throw toTrpcError(result.error.cause);
  return result;
});

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.session.user } });
});

const canvasId = z.string().uuid({ message: "must be a canvas id" });
const canvasRefs = { canvasId: z.object({ canvasId }), id: z.object({ id: canvasId }) };

/**
 * A procedure for members of the canvas named by `input[key]` with at least `minRole`: the canvas
 * and the caller's role land in ctx.access, so handlers never check access themselves.
 */
export function canvasProcedure(minRole: Role, key: "canvasId" | "id" = "canvasId") {
  return authedProcedure.input(canvasRefs[key]).use(async ({ ctx, input, next }) => {
    const id = "canvasId" in input ? input.canvasId : input.id;
    const access = await requireCanvasRole(ctx.db, ctx.user.id, id, minRole);
    return next({ ctx: { ...ctx, access } });
  });
}
