import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import type { Db } from "@/db/client";
import { takeAttempt, type Bucket } from "../auth/rateLimit";
import { AppError } from "../errors";
import { uuid, userId } from "../routers/schemas";
import type { Actor, ShopAdmin } from "../services/actor";
import { requireCanvasRole } from "../services/canvas/access";
import { requireListingRole, requireResourceRole } from "../services/canvas/resourceAccess";
import { requireOrderViewer } from "../services/shop/orderAccess";
import { requireShopAdmin } from "../services/shop/shopAdmin";
import type { Role } from "@/domain/canvas/roles";
import type { Locale } from "@/domain/i18n/locales";
import { zodMessageIn } from "@/domain/i18n/zodLocale";
import type { Context } from "./context";
import { toTrpcError } from "./errorCodes";
import { transformer } from "./transformer";
import { trpcDuration } from "../metrics/trpcMetrics";
import { log } from "@/server/log";

/** Each issue's path and kind, worded in the request's language (zod's own locale for its messages). */
function issuesIn(locale: Locale, error: ZodError, input: unknown) {
  return error.issues.map((i) => ({ path: i.path.join("."), code: i.code, message: zodMessageIn(locale, i, input) }));
}

type Issue = ReturnType<typeof issuesIn>[number];

function describeIssues(issues: Issue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
}

/** Each field's messages (or issue codes) under its whole path: `email`, and a nested one as `shippingAddress.city`. */
function byField(issues: Issue[], pick: (i: Issue) => string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) if (issue.path) (fields[issue.path] ??= []).push(pick(issue));
  return fields;
}

const t = initTRPC.context<Context>().create({
  transformer,
  // Keeps idle event streams (the generation queue) alive through proxies; the client reconnects
  // when it hears nothing for longer.
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 } },
  errorFormatter({ shape, error, ctx, input }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    // tRPC parses input without per-parse options, so its issues are worded here, per request.
    const issues = zod ? issuesIn(ctx?.locale ?? "en", zod, input) : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    if (internal) log.error({ err: error.cause ?? error }, "trpc: internal error");
    return {
      ...shape,
      message: issues ? describeIssues(issues) : internal ? "Something went wrong on our side. Please try again." : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        reason: error.cause instanceof AppError ? error.cause.reason : zod ? "invalidInput" : null,
        retryAfterSeconds: error.cause instanceof AppError ? (error.cause.details.retryAfterSeconds ?? null) : null,
        fieldErrors: issues ? byField(issues, (i) => i.message) : null,
        /** zod's code for each field's problem ("too_big"): the same in every language, for a client that words it itself. */
        fieldCodes: issues ? byField(issues, (i) => i.code) : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Service errors become typed tRPC errors here, once for every procedure. */
export const publicProcedure = t.procedure.use(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  trpcDuration.observe({ procedure: path, type, code: result.ok ? "OK" : result.error.code }, (performance.now() - started) / 1000);
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

/** The caller, or null when signed out: for the procedures that work both ways. */
export const actorOf = (ctx: Context): Actor | null => (ctx.session ? { userId: ctx.session.user.id } : null);

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

type ResourceRef<S extends z.ZodType, A> = { input: S; access: (db: Db, userId: string, input: z.output<S>, min: Role) => Promise<A> };
const ref = <S extends z.ZodType, A>(r: ResourceRef<S, A>) => r;

/** How each kind of resource is addressed, and how its canvas is found. */
const resources = {
  asset: ref({ input: z.object({ assetId: uuid }), access: (db, user, i, min) => requireResourceRole(db, user, "asset", i.assetId, min) }),
  invite: ref({ input: z.object({ id: uuid }), access: (db, user, i, min) => requireResourceRole(db, user, "invite", i.id, min) }),
  generation: ref({ input: z.object({ id: uuid }), access: (db, user, i, min) => requireResourceRole(db, user, "generation", i.id, min) }),
  /** A member is addressed by the canvas and the person; the service finds the membership. */
  member: ref({ input: z.object({ canvasId, userId }), access: (db, user, i, min) => requireCanvasRole(db, user, i.canvasId, min) }),
  /** A listing: its publisher, or a member with `min` on its canvas now; NOT_FOUND to everyone else. */
  listing: ref({ input: z.object({ id: uuid }), access: (db, user, i, min) => requireListingRole(db, user, i.id, min) }),
};

export type ResourceKind = keyof typeof resources;
/** What ctx.access holds for each kind: the canvas and the caller's role on it; for a listing, the listing. */
export type ResourceAccess<K extends ResourceKind> = Awaited<ReturnType<(typeof resources)[K]["access"]>>;

/**
 * A procedure for something addressed by its own id (an asset, an invite, a generation, a
 * member, a listing): its canvas is found from the resource, and the caller's role on it is checked
 * as `canvasProcedure` checks it. An unknown id and one on a canvas the caller is not a member of
 * are the same NOT_FOUND; a role below `minRole` is FORBIDDEN (a listing says NOT_FOUND then too).
 * ctx.access holds the canvas, or the listing.
 */
export function resourceProcedure<K extends ResourceKind>(kind: K, minRole: Role) {
  const resource = resources[kind] as unknown as ResourceRef<z.ZodType, ResourceAccess<K>>;
  return authedProcedure.input(resources[kind].input as (typeof resources)[K]["input"]).use(async ({ ctx, input, next }) => {
    const access = await resource.access(ctx.db, ctx.user.id, input, minRole);
    return next({ ctx: { ...ctx, access } });
  });
}

/**
 * A procedure for one order, signed in or not: for its buyer, whoever holds the order link's `key`,
 * or a shop admin; to anyone else it does not exist (NOT_FOUND). ctx.access holds the order and
 * whether the caller sees it as a shop admin.
 */
export const orderProcedure = publicProcedure.input(z.object({ id: uuid, key: z.string().max(64).optional() })).use(async ({ ctx, input, next }) => {
  const access = await requireOrderViewer(ctx.db, actorOf(ctx), input);
  return next({ ctx: { ...ctx, access } });
});

/** A procedure for the shop's admins (granted by an operator, with a verified e-mail): ctx.actor is a ShopAdmin. */
export const shopAdminProcedure = authedProcedure.use(async ({ ctx, next }) => next({ ctx: { ...ctx, actor: await requireShopAdmin(ctx.db, ctx.actor) } }));

/**
 * A procedure for signed-in callers that checks the shop admin's grant only for the calls that
 * `needsAdmin` (order.list with `all`): ctx.actor is a ShopAdmin for those, anyone else is refused.
 */
export function shopAdminProcedureWhen<S extends z.ZodType>(input: S, needsAdmin: (input: z.output<S>) => boolean) {
  return authedProcedure.input(input).use(async ({ ctx, input, next }) => {
    const actor: Actor | ShopAdmin = needsAdmin(input as z.output<S>) ? await requireShopAdmin(ctx.db, ctx.actor) : ctx.actor;
    return next({ ctx: { ...ctx, actor } });
  });
}
