import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import type { Db } from "@/db/client";
import { takeAttempt, type Bucket } from "../auth/rateLimit";
import { AppError } from "../errors";
import { uuid, userId } from "../routers/schemas";
import { requireCanvasRole, type Actor, type CanvasAccess } from "../services/canvas/access";
import { requireResourceRole } from "../services/canvas/resourceAccess";
import type { Role } from "@/domain/canvas/roles";
import type { Context } from "./context";
import { toTrpcError } from "./errorCodes";
import { transformer } from "./transformer";

function describeZodError(error: ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

/** Each field's messages under its whole path: `email`, and a nested one as `shippingAddress.city`. */
function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    if (!issue.path.length) continue;
    (fields[issue.path.join(".")] ??= []).push(issue.message);
  }
  return fields;
}

const t = initTRPC.context<Context>().create({
  transformer,
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
        retryAfterSeconds: error.cause instanceof AppError ? (error.cause.details.retryAfterSeconds ?? null) : null,
        fieldErrors: zod ? fieldErrorsOf(zod) : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Service errors become typed tRPC errors here, once for every procedure. */
export const publicProcedure = t.procedure.use(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const retryAfter = result.error.cause.details.retryAfterSeconds;
    if (retryAfter !== undefined) ctx.resHeaders.set("Retry-After", String(retryAfter));
    throw toTrpcError(result.error.cause);
  }
  return result;
});

/**
 * Counts every call in the buckets before it runs (one statement, so concurrent calls cannot get
 * past the limit) and refuses calls over a limit with TOO_MANY_REQUESTS and Retry-After. With
 * `failuresOnly`, a call that succeeds is taken back: only failures (wrong tokens) are counted.
 */
export function throttle(buckets: (ctx: Context) => Bucket[], opts: { failuresOnly: boolean }) {
  return t.middleware(async ({ ctx, next }) => {
    const attempt = await takeAttempt(ctx.db, buckets(ctx));
    const result = await next();
    if (result.ok && opts.failuresOnly) await attempt.refund();
    return result;
  });
}

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.session.user, actor: { userId: ctx.session.user.id } satisfies Actor } });
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

type ResourceRef<S extends z.ZodType> = { input: S; access: (db: Db, userId: string, input: z.output<S>, min: Role) => Promise<CanvasAccess> };
const ref = <S extends z.ZodType>(r: ResourceRef<S>) => r;

/** How each kind of resource is addressed, and how its canvas is found. */
const resources = {
  asset: ref({ input: z.object({ assetId: uuid }), access: (db, user, i, min) => requireResourceRole(db, user, "asset", i.assetId, min) }),
  invite: ref({ input: z.object({ id: uuid }), access: (db, user, i, min) => requireResourceRole(db, user, "invite", i.id, min) }),
  generation: ref({ input: z.object({ id: uuid }), access: (db, user, i, min) => requireResourceRole(db, user, "generation", i.id, min) }),
  /** A member is addressed by the canvas and the person; the service finds the membership. */
  member: ref({ input: z.object({ canvasId, userId }), access: (db, user, i, min) => requireCanvasRole(db, user, i.canvasId, min) }),
};

export type ResourceKind = keyof typeof resources;

/**
 * A procedure for something addressed by its own id (an asset, an invite, a generation, a
 * member): its canvas is found from the resource, and the caller's role on it is checked as
 * `canvasProcedure` checks it. An unknown id and one on a canvas the caller is not a member of
 * are the same NOT_FOUND; a role below `minRole` is FORBIDDEN. ctx.access holds the canvas.
 */
export function resourceProcedure<K extends ResourceKind>(kind: K, minRole: Role) {
  const resource = resources[kind] as ResourceRef<z.ZodType>;
  return authedProcedure.input(resources[kind].input as (typeof resources)[K]["input"]).use(async ({ ctx, input, next }) => {
    const access = await resource.access(ctx.db, ctx.user.id, input, minRole);
    return next({ ctx: { ...ctx, access } });
  });
}
