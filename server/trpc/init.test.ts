import { randomBytes, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets, canvasMembers, generations, invites, listings } from "@/db/schema";
import { makeUser } from "@/test/fixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createCanvas } from "../services/canvas/canvasService";
import type { Role } from "@/domain/canvas/roles";
import type { Context } from "./context";
import { createCallerFactory, resourceProcedure, router, type ResourceKind } from "./init";

/**
 * resourceProcedure on its own: a router of probes, one per kind of resource, each answering
 * with the access it was given. Rows are written directly; the procedures only read them.
 */

const probe = (kind: Exclude<ResourceKind, "listing">, min: Role) =>
  resourceProcedure(kind, min).query(({ ctx }) => ({ canvasId: ctx.access.canvas.id, role: ctx.access.role, userId: ctx.access.userId }));

const probes = router({
  asset: probe("asset", "editor"),
  invite: probe("invite", "editor"),
  generation: probe("generation", "editor"),
  member: probe("member", "owner"),
  assetForViewers: probe("asset", "viewer"),
  listing: resourceProcedure("listing", "owner").query(({ ctx }) => ctx.access),
});
const createCaller = createCallerFactory(probes);

type User = Awaited<ReturnType<typeof makeUser>>;

let t: TestDb;
let owner: User, editor: User, viewer: User, stranger: User;
let canvasId: string, otherCanvasId: string;
/** One resource of each kind on `canvasId`, and one on a canvas only the stranger belongs to. */
let ids: Record<"asset" | "invite" | "generation", { here: string; elsewhere: string }>;

function as(user: User | null) {
  const ctx: Context = {
    db: t.db,
    session: user ? { sessionId: "probe", user, refreshCookie: null } : null,
    resHeaders: new Headers(),
    appUrl: "http://localhost:3000",
    clientAddress: "198.18.0.1",
    cookieHeader: null,
    locale: "en",
  };
  return createCaller(ctx);
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected the call to fail");
}

async function resourcesOn(canvas: string, by: string) {
  const [asset] = await t.db.insert(assets).values({ canvasId: canvas, uploadedBy: by, fileName: "a.png", contentType: "image/png", declaredSize: 10 }).returning();
  const [invite] = await t.db
    .insert(invites)
    .values({ canvasId: canvas, tokenHash: randomBytes(16).toString("hex"), role: "viewer", expiresAt: new Date(Date.now() + 3600_000), createdBy: by })
    .returning();
  const [generation] = await t.db
    .insert(generations)
    .values({ canvasId: canvas, requestedBy: by, prompt: "cat", steps: 4, guidance: 1, seed: 1, width: 64, height: 64, count: 1, scheduler: "ddim", totalSteps: 4 })
    .returning();
  return { asset: asset!.id, invite: invite!.id, generation: generation!.id };
}

beforeAll(async () => {
  t = await createTestDb();
  [owner, editor, viewer, stranger] = await Promise.all([makeUser(t.db, "Owner"), makeUser(t.db, "Editor"), makeUser(t.db, "Viewer"), makeUser(t.db, "Stranger")]);
  ({ id: canvasId } = await createCanvas(t.db, { userId: owner.id }, { name: "Probed" }));
  ({ id: otherCanvasId } = await createCanvas(t.db, { userId: stranger.id }, { name: "The stranger's own" }));
  await t.db.insert(canvasMembers).values([
    { canvasId, userId: editor.id, role: "editor" },
    { canvasId, userId: viewer.id, role: "viewer" },
  ]);
  const [here, elsewhere] = await Promise.all([resourcesOn(canvasId, owner.id), resourcesOn(otherCanvasId, stranger.id)]);
  ids = {
    asset: { here: here.asset, elsewhere: elsewhere.asset },
    invite: { here: here.invite, elsewhere: elsewhere.invite },
    generation: { here: here.generation, elsewhere: elsewhere.generation },
  };
});
afterAll(() => t.close());

const kinds = [
  { kind: "asset", call: (u: User | null, id: string) => as(u).asset({ assetId: id }) },
  { kind: "invite", call: (u: User | null, id: string) => as(u).invite({ id }) },
  { kind: "generation", call: (u: User | null, id: string) => as(u).generation({ id }) },
] as const;

describe.each(kinds)("resourceProcedure($kind, editor)", ({ kind, call }) => {
  it("resolves the resource's canvas and passes the caller's access on", async () => {
    expect(await call(editor, ids[kind].here)).toEqual({ canvasId, role: "editor", userId: editor.id });
    expect(await call(owner, ids[kind].here)).toEqual({ canvasId, role: "owner", userId: owner.id });
    expect(await call(stranger, ids[kind].elsewhere)).toEqual({ canvasId: otherCanvasId, role: "owner", userId: stranger.id });
  });

  it("answers FORBIDDEN to a member whose role is too low", async () => {
    expect(await failure(call(viewer, ids[kind].here))).toEqual({ code: "FORBIDDEN", message: "This needs the editor role on this canvas." });
  });

  it("answers a stranger exactly as it answers an unknown id: NOT_FOUND", async () => {
    const unknown = await failure(call(editor, randomUUID()));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(await failure(call(stranger, ids[kind].here))).toEqual(unknown);
    // A member of one canvas is a stranger to the others.
    expect(await failure(call(editor, ids[kind].elsewhere))).toEqual(unknown);
  });

  it("refuses a malformed id and a missing session before looking anything up", async () => {
    expect((await failure(call(editor, "not-an-id"))).code).toBe("BAD_REQUEST");
    expect((await failure(call(null, ids[kind].here))).code).toBe("UNAUTHORIZED");
  });
});

describe("resourceProcedure(asset, viewer)", () => {
  it("lets viewers in and still keeps strangers out", async () => {
    expect(await as(viewer).assetForViewers({ assetId: ids.asset.here })).toMatchObject({ canvasId, role: "viewer" });
    expect((await failure(as(stranger).assetForViewers({ assetId: ids.asset.here }))).code).toBe("NOT_FOUND");
  });
});

describe("resourceProcedure(member, owner)", () => {
  const member = (u: User | null, canvas: string, userId: string) => as(u).member({ canvasId: canvas, userId });

  it("finds the canvas from the address and passes the owner's access on", async () => {
    expect(await member(owner, canvasId, viewer.id)).toEqual({ canvasId, role: "owner", userId: owner.id });
  });

  it("answers FORBIDDEN to editors and viewers", async () => {
    expect((await failure(member(editor, canvasId, viewer.id))).code).toBe("FORBIDDEN");
    expect((await failure(member(viewer, canvasId, editor.id))).code).toBe("FORBIDDEN");
  });

  it("answers NOT_FOUND to strangers and for unknown canvases, BAD_REQUEST for a malformed one", async () => {
    const unknown = await failure(member(owner, randomUUID(), viewer.id));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(await failure(member(stranger, canvasId, viewer.id))).toEqual(unknown);
    expect((await failure(member(owner, "nope", viewer.id))).code).toBe("BAD_REQUEST");
  });
});

describe("resourceProcedure(listing, owner)", () => {
  const listing = (u: User | null, id: string) => as(u).listing({ id });
  const insertListing = async (values: { canvasId: string | null; ownerId: string }) => {
    const [row] = await t.db
      .insert(listings)
      .values({ slug: `probe-${randomBytes(6).toString("hex")}`, productId: "tee", title: "Probe", price: 2800, currency: "USD", ...values })
      .returning({ id: listings.id });
    return row!.id;
  };

  /** Published by the viewer (an owner once, say) from the owner's canvas. */
  let id: string;
  beforeAll(async () => {
    id = await insertListing({ canvasId, ownerId: viewer.id });
  });

  it("lets the canvas's owner and the publisher manage it, whatever the publisher's role now", async () => {
    expect(await listing(owner, id)).toEqual({ userId: owner.id, listingId: id });
    expect(await listing(viewer, id)).toEqual({ userId: viewer.id, listingId: id });
  });

  it("keeps the publisher's access when the canvas is gone, and nobody else's", async () => {
    const orphan = await insertListing({ canvasId: null, ownerId: stranger.id });
    expect(await listing(stranger, orphan)).toEqual({ userId: stranger.id, listingId: orphan });
    expect(await failure(listing(owner, orphan))).toEqual({ code: "NOT_FOUND", message: "This product is not for sale." });
  });

  it("answers members below owner, strangers and unknown ids alike: NOT_FOUND, never FORBIDDEN", async () => {
    const unknown = await failure(listing(owner, randomUUID()));
    expect(unknown).toEqual({ code: "NOT_FOUND", message: "This product is not for sale." });
    expect(await failure(listing(editor, id))).toEqual(unknown);
    expect(await failure(listing(stranger, id))).toEqual(unknown);
  });

  it("refuses a malformed id and a missing session", async () => {
    expect((await failure(listing(owner, "nope"))).code).toBe("BAD_REQUEST");
    expect((await failure(listing(null, randomUUID()))).code).toBe("UNAUTHORIZED");
  });
});
