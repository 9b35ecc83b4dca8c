import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canvases, canvasMembers, invites } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createTestClient, errorCode, errorOf, signedUpClient } from "@/test/trpcTestClient";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function team() {
  const owner = await signedUpClient(t.db, "Owner");
  const editor = await signedUpClient(t.db, "Editor");
  const viewer = await signedUpClient(t.db, "Viewer");
  const stranger = await signedUpClient(t.db, "Stranger");
  const { id } = await owner.client.canvas.create.mutate({ name: "  Summer tees  " });
  for (const [who, role] of [[editor, "editor"], [viewer, "viewer"]] as const) {
    const inv = await owner.client.invite.create.mutate({ canvasId: id, role });
    await who.client.invite.accept.mutate({ token: inv.token });
  }
  return { id, owner, editor, viewer, stranger };
}

describe("canvases", () => {
  it("creates, lists with role, trims the name", async () => {
    const { id, owner, viewer } = await team();
    expect((await owner.client.canvas.list.query()).find((c) => c.id === id)).toMatchObject({ name: "Summer tees", role: "owner" });
    expect((await viewer.client.canvas.list.query()).find((c) => c.id === id)).toMatchObject({ role: "viewer" });
    expect(await viewer.client.canvas.get.query({ id })).toMatchObject({ id, name: "Summer tees", role: "viewer" });
  });

  it("needs a session", async () => {
    const anon = createTestClient(t.db).client;
    expect(await errorCode(anon.canvas.list.query())).toBe("UNAUTHORIZED");
    expect(await errorCode(anon.canvas.create.mutate({ name: "x" }))).toBe("UNAUTHORIZED");
  });

  it("lets editors and owners rename, not viewers or strangers", async () => {
    const { id, editor, viewer, stranger } = await team();
    expect((await editor.client.canvas.rename.mutate({ id, name: "Renamed" })).name).toBe("Renamed");
    expect(await errorCode(viewer.client.canvas.rename.mutate({ id, name: "Nope" }))).toBe("FORBIDDEN");
    expect(await errorCode(stranger.client.canvas.rename.mutate({ id, name: "Nope" }))).toBe("NOT_FOUND");
    expect(await errorCode(stranger.client.canvas.get.query({ id }))).toBe("NOT_FOUND");
    expect((await editor.client.canvas.get.query({ id })).name).toBe("Renamed");
  });

  it("validates names (1–120 after trimming) and ids, changing nothing", async () => {
    const { id, owner } = await team();
    const blank = await errorOf(owner.client.canvas.rename.mutate({ id, name: "    " }));
    expect(blank.data?.code).toBe("BAD_REQUEST");
    expect(blank.message).toMatch(/name: must not be empty/);
    expect((await errorOf(owner.client.canvas.create.mutate({ name: "x".repeat(121) }))).message).toMatch(/name: must be at most 120/);
    expect(await errorCode(owner.client.canvas.get.query({ id: "not-a-uuid" }))).toBe("BAD_REQUEST");
    expect((await owner.client.canvas.get.query({ id })).name).toBe("Summer tees");
  });

  it("only owners delete", async () => {
    const { id, owner, editor } = await team();
    expect(await errorCode(editor.client.canvas.delete.mutate({ id }))).toBe("FORBIDDEN");
    await owner.client.canvas.delete.mutate({ id });
    expect(await t.db.select().from(canvases).where(eq(canvases.id, id))).toHaveLength(0);
    expect(await errorCode(owner.client.canvas.get.query({ id }))).toBe("NOT_FOUND");
  });
});

describe("members", () => {
  it("lists members with roles; only owners change roles or remove", async () => {
    const { id, owner, editor, viewer } = await team();
    const members = await viewer.client.canvas.members.query({ canvasId: id });
    expect(members.map((m) => m.role).sort()).toEqual(["editor", "owner", "viewer"]);
    // Only owners see others' e-mail addresses; everyone sees their own.
    expect(members.find((m) => m.userId === editor.user.id)).toMatchObject({ email: null, name: "Editor" });
    expect(members.find((m) => m.userId === viewer.user.id)!.email).toBe(viewer.email);
    expect((await owner.client.canvas.members.query({ canvasId: id })).find((m) => m.userId === editor.user.id)!.email).toBe(editor.email);
    expect(await errorCode(editor.client.canvas.setRole.mutate({ canvasId: id, userId: viewer.user.id, role: "editor" }))).toBe("FORBIDDEN");
    await owner.client.canvas.setRole.mutate({ canvasId: id, userId: viewer.user.id, role: "editor" });
    expect((await owner.client.canvas.members.query({ canvasId: id })).find((m) => m.userId === viewer.user.id)!.role).toBe("editor");
    expect((await viewer.client.canvas.get.query({ id })).role).toBe("editor");
    expect(await errorCode(editor.client.canvas.removeMember.mutate({ canvasId: id, userId: viewer.user.id }))).toBe("FORBIDDEN");
    await owner.client.canvas.removeMember.mutate({ canvasId: id, userId: viewer.user.id });
    expect(await errorCode(viewer.client.canvas.get.query({ id }))).toBe("NOT_FOUND");
  });

  it("never removes or demotes the last owner", async () => {
    const { id, owner, editor } = await team();
    const demote = await errorOf(owner.client.canvas.setRole.mutate({ canvasId: id, userId: owner.user.id, role: "editor" }));
    expect(demote.data?.code).toBe("BAD_REQUEST");
    expect(demote.message).toMatch(/at least one owner/);
    expect(await errorCode(owner.client.canvas.removeMember.mutate({ canvasId: id, userId: owner.user.id }))).toBe("BAD_REQUEST");
    await owner.client.canvas.setRole.mutate({ canvasId: id, userId: editor.user.id, role: "owner" });
    await owner.client.canvas.setRole.mutate({ canvasId: id, userId: owner.user.id, role: "editor" });
    expect((await owner.client.canvas.get.query({ id })).role).toBe("editor");
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const { id, owner, editor } = await team();
    await owner.client.canvas.setRole.mutate({ canvasId: id, userId: editor.user.id, role: "owner" });
    const results = await Promise.allSettled([
      owner.client.canvas.setRole.mutate({ canvasId: id, userId: editor.user.id, role: "viewer" }),
      editor.client.canvas.setRole.mutate({ canvasId: id, userId: owner.user.id, role: "viewer" }),
    ]);
    // Exactly one demotion wins; the other finds itself no longer an owner, or the last one.
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const roles = (await t.db.select().from(canvasMembers).where(eq(canvasMembers.canvasId, id))).map((m) => m.role).sort();
    expect(roles).toEqual(["owner", "viewer", "viewer"]);
  });
});

describe("invites", () => {
  it("stores only a hash of a 256-bit token and builds the URL from APP_URL", async () => {
    const { id, owner } = await team();
    const inv = await owner.client.invite.create.mutate({ canvasId: id, role: "editor" });
    expect(Buffer.from(inv.token, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(inv.url).toBe(`http://localhost:3000/invite/${inv.token}`);
    const [row] = await t.db.select().from(invites).where(eq(invites.id, inv.id));
    expect(row!.tokenHash).not.toContain(inv.token);
    const days = (row!.expiresAt.getTime() - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it("bounds expiry to 1 hour … 30 days", async () => {
    const { id, owner } = await team();
    expect((await errorOf(owner.client.invite.create.mutate({ canvasId: id, role: "viewer", expiresInHours: 0 }))).message).toMatch(/expiresInHours/);
    expect(await errorCode(owner.client.invite.create.mutate({ canvasId: id, role: "viewer", expiresInHours: 721 }))).toBe("BAD_REQUEST");
    const inv = await owner.client.invite.create.mutate({ canvasId: id, role: "viewer", expiresInHours: 1 });
    const [row] = await t.db.select().from(invites).where(eq(invites.id, inv.id));
    const hours = (row!.expiresAt.getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(0.99);
    expect(hours).toBeLessThanOrEqual(1);
  });

  it("refuses revoked and expired links with a clear message", async () => {
    const { id, owner, stranger } = await team();
    const inv = await owner.client.invite.create.mutate({ canvasId: id, role: "viewer" });
    await owner.client.invite.revoke.mutate({ id: inv.id });
    const revoked = await errorOf(stranger.client.invite.accept.mutate({ token: inv.token }));
    expect(revoked.message).toMatch(/revoked/);
    const old = await owner.client.invite.create.mutate({ canvasId: id, role: "viewer" });
    await t.db.update(invites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invites.id, old.id));
    expect((await errorOf(stranger.client.invite.accept.mutate({ token: old.token }))).message).toMatch(/expired/);
    expect(await errorCode(stranger.client.invite.accept.mutate({ token: "x".repeat(43) }))).toBe("NOT_FOUND");
    expect(await errorCode(stranger.client.canvas.get.query({ id }))).toBe("NOT_FOUND");
    const list = await owner.client.invite.list.query({ canvasId: id });
    expect(list.map((i) => i.status).sort()).toEqual(["active", "active", "expired", "revoked"]);
  });

  it("never lowers an existing member's role, and counts uses", async () => {
    const { id, owner, editor } = await team();
    const inv = await owner.client.invite.create.mutate({ canvasId: id, role: "viewer" });
    expect(await editor.client.invite.accept.mutate({ token: inv.token })).toEqual({ canvasId: id, role: "editor" });
    expect((await owner.client.invite.accept.mutate({ token: inv.token })).role).toBe("owner");
    const [row] = await t.db.select().from(invites).where(eq(invites.id, inv.id));
    expect(row!.uses).toBe(2);
  });

  it("editors invite up to their own role; viewers cannot invite", async () => {
    const { id, editor, viewer } = await team();
    expect(await errorCode(editor.client.invite.create.mutate({ canvasId: id, role: "owner" }))).toBe("FORBIDDEN");
    await editor.client.invite.create.mutate({ canvasId: id, role: "editor" });
    expect(await errorCode(viewer.client.invite.create.mutate({ canvasId: id, role: "viewer" }))).toBe("FORBIDDEN");
    expect(await errorCode(viewer.client.invite.list.query({ canvasId: id }))).toBe("FORBIDDEN");
  });

  it("shows what a link offers without joining, so that opening a link is not joining", async () => {
    const { id, owner, stranger } = await team();
    const inv = await owner.client.invite.create.mutate({ canvasId: id, role: "editor" });
    expect(await stranger.client.invite.preview.query({ token: inv.token })).toEqual({ canvasName: "Summer tees", coverUrl: null, ownerName: "Owner", invitedBy: "Owner", role: "editor", currentRole: null });
    // Signed out too: the link is read before signing up; a wrong token still says nothing more.
    const signedOut = createTestClient(t.db).client;
    expect(await signedOut.invite.preview.query({ token: inv.token })).toMatchObject({ canvasName: "Summer tees", role: "editor", currentRole: null });
    expect(await errorCode(signedOut.invite.preview.query({ token: "x".repeat(43) }))).toBe("NOT_FOUND");
    expect(await errorCode(signedOut.invite.accept.mutate({ token: inv.token }))).toBe("UNAUTHORIZED");
    expect(await errorCode(stranger.client.canvas.get.query({ id }))).toBe("NOT_FOUND");
    const [row] = await t.db.select().from(invites).where(eq(invites.id, inv.id));
    expect(row!.uses).toBe(0);
    await owner.client.invite.revoke.mutate({ id: inv.id });
    expect(await errorCode(stranger.client.invite.preview.query({ token: inv.token }))).toBe("FORBIDDEN");
  });

  it("revokes a member's links when they are removed, so they cannot walk back in through their own link", async () => {
    const { id, owner, editor, stranger } = await team();
    const own = await editor.client.invite.create.mutate({ canvasId: id, role: "editor", expiresInHours: 720 });
    await owner.client.canvas.removeMember.mutate({ canvasId: id, userId: editor.user.id });
    expect(await errorCode(editor.client.invite.accept.mutate({ token: own.token }))).toBe("FORBIDDEN");
    expect(await errorCode(stranger.client.invite.accept.mutate({ token: own.token }))).toBe("FORBIDDEN");
    expect(await errorCode(editor.client.canvas.get.query({ id }))).toBe("NOT_FOUND");
    expect((await owner.client.invite.list.query({ canvasId: id })).find((i) => i.id === own.id)!.status).toBe("revoked");
  });

  it("keeps a removed or demoted member out of links made before, someone else's included; a new link or the owner's choice lets them back", async () => {
    const { id, owner, editor, viewer } = await team();
    const ownersEditorLink = await owner.client.invite.create.mutate({ canvasId: id, role: "editor", expiresInHours: 720 });
    await owner.client.canvas.removeMember.mutate({ canvasId: id, userId: editor.user.id });
    // The link's page says so before any click, and joining says the same.
    const told = await errorOf(editor.client.invite.preview.query({ token: ownersEditorLink.token }));
    expect([told.data?.code, told.data?.reason]).toEqual(["FORBIDDEN", "invite.removed"]);
    const removed = await errorOf(editor.client.invite.accept.mutate({ token: ownersEditorLink.token }));
    expect([removed.data?.code, removed.data?.reason]).toEqual(["FORBIDDEN", "invite.removed"]);
    expect(await errorCode(editor.client.canvas.get.query({ id }))).toBe("NOT_FOUND");

    // A demoted editor stays a viewer through the old editor link.
    await owner.client.canvas.setRole.mutate({ canvasId: id, userId: viewer.user.id, role: "editor" });
    await owner.client.canvas.setRole.mutate({ canvasId: id, userId: viewer.user.id, role: "viewer" });
    expect((await viewer.client.invite.preview.query({ token: ownersEditorLink.token })).role).toBe("viewer");
    expect(await viewer.client.invite.accept.mutate({ token: ownersEditorLink.token })).toEqual({ canvasId: id, role: "viewer" });

    // A link the owner makes afterwards, or the owner raising the role, gives what it says.
    await new Promise((r) => setTimeout(r, 5));
    const fresh = await owner.client.invite.create.mutate({ canvasId: id, role: "editor" });
    expect(await editor.client.invite.accept.mutate({ token: fresh.token })).toEqual({ canvasId: id, role: "editor" });
    await owner.client.canvas.setRole.mutate({ canvasId: id, userId: viewer.user.id, role: "editor" });
    expect((await owner.client.canvas.members.query({ canvasId: id })).find((m) => m.userId === viewer.user.id)!.role).toBe("editor");
  });

  it("revokes a demoted member's links above their new role and keeps the rest", async () => {
    const { id, owner, editor, stranger } = await team();
    const editorLink = await editor.client.invite.create.mutate({ canvasId: id, role: "editor" });
    const viewerLink = await editor.client.invite.create.mutate({ canvasId: id, role: "viewer" });
    await owner.client.canvas.setRole.mutate({ canvasId: id, userId: editor.user.id, role: "viewer" });
    const links = await owner.client.invite.list.query({ canvasId: id });
    expect(links.find((i) => i.id === editorLink.id)!.status).toBe("revoked");
    expect(links.find((i) => i.id === viewerLink.id)!.status).toBe("active");
    expect(await stranger.client.invite.accept.mutate({ token: viewerLink.token })).toEqual({ canvasId: id, role: "viewer" });
  });

  it("stops a link after its maximum number of uses, and bounds that number", async () => {
    const { id, owner, stranger, viewer } = await team();
    const once = await owner.client.invite.create.mutate({ canvasId: id, role: "editor", maxUses: 1 });
    expect(once.maxUses).toBe(1);
    await stranger.client.invite.accept.mutate({ token: once.token });
    const used = await errorOf(viewer.client.invite.accept.mutate({ token: once.token }));
    expect(used.data?.code).toBe("FORBIDDEN");
    expect(used.message).toMatch(/used as many times/);
    expect((await viewer.client.canvas.get.query({ id })).role).toBe("viewer");
    expect((await owner.client.invite.list.query({ canvasId: id })).find((i) => i.id === once.id)!.status).toBe("usedUp");
    expect(await errorCode(owner.client.invite.create.mutate({ canvasId: id, role: "viewer", maxUses: 0 }))).toBe("BAD_REQUEST");
  });
});
