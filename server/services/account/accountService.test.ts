import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/testDb";
import { handleTrpcRequest } from "@/server/http/trpcHandler";
import { createTestClient, errorCode, errorOf, signedUpClient } from "@/test/trpcTestClient";
import { sessionIdOf } from "@/server/auth/sessions";
import { signInWithOAuth } from "./accountService";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("accounts", () => {
  it("signs up, reports me, signs out server-side", async () => {
    const a = await signedUpClient(t.db, "Ada");
    expect(a.user).toMatchObject({ name: "Ada", email: a.email });
    expect(await a.client.auth.me.query()).toEqual(a.user);
    const token = a.jar.get("mb_session")!;
    // The table keeps the token's SHA-256, never the token: a copy of it signs nobody in.
    const stored = await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, a.user.id));
    expect(stored.map((r) => r.id)).toEqual([sessionIdOf(token)]);
    expect(stored[0]!.id).not.toBe(token);
    const thief = createTestClient(t.db);
    thief.jar.set("mb_session", stored[0]!.id);
    expect(await thief.client.auth.me.query()).toBeNull();
    await a.client.auth.signOut.mutate();
    expect(await a.client.auth.me.query()).toBeNull();
    const [row] = await t.db.select({ n: count() }).from(sessions).where(eq(sessions.id, sessionIdOf(token)));
    expect(row!.n).toBe(0);
    // Sessions from before hashing were migrated by the same hash in SQL: their cookies still work.
    const migrated = await t.db.execute(sql`select encode(sha256(convert_to(${token}, 'UTF8')), 'hex') as id`);
    expect((migrated.rows[0] as { id: string }).id).toBe(sessionIdOf(token));
  });

  it("normalises e-mail, and signs in to the same account whatever the address's case", async () => {
    const a = createTestClient(t.db).client;
    const made = await a.auth.signUp.mutate({ email: "  Mixed.Case@Example.COM ", password: "password123", name: "M" });
    const [u] = await t.db.select().from(users).where(eq(users.email, "mixed.case@example.com"));
    expect(u?.passwordHash).toMatch(/^\$argon2id\$/);
    const b = createTestClient(t.db).client;
    expect(await b.auth.signIn.mutate({ email: "MIXED.case@example.com", password: "password123" })).toMatchObject({ id: made.id });
  });

  it("validates input naming the field and writes nothing", async () => {
    const a = createTestClient(t.db).client;
    const before = await t.db.select({ n: count() }).from(users);
    const err = await errorOf(a.auth.signUp.mutate({ email: "not-an-email", password: "short", name: "" }));
    expect(err.data?.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/email/);
    expect(err.message).toMatch(/password: must be at least 8/);
    expect(err.message).toMatch(/name/);
    const tooLong = await errorOf(a.auth.signUp.mutate({ email: "x@example.com", password: "p".repeat(257), name: "X" }));
    expect(tooLong.message).toMatch(/password: must be at most 256/);
    expect((await t.db.select({ n: count() }).from(users))[0]!.n).toBe(before[0]!.n);
  });

  it("issues a new session id at every sign-in and rejects a wrong password", async () => {
    const a = await signedUpClient(t.db, "Bea");
    const first = a.jar.get("mb_session");
    const b = createTestClient(t.db);
    await b.client.auth.signIn.mutate({ email: a.email.toUpperCase(), password: "correct horse battery" });
    expect(b.jar.get("mb_session")).toBeTruthy();
    expect(b.jar.get("mb_session")).not.toBe(first);
    expect(await errorCode(b.client.auth.signIn.mutate({ email: a.email, password: "wrong password" }))).toBe("UNAUTHORIZED");
  });

  it("limits failed sign-ins to 10 per e-mail from one address in 15 minutes", async () => {
    const a = await signedUpClient(t.db, "Cy");
    const c = createTestClient(t.db).client;
    for (let i = 0; i < 10; i++) {
      expect(await errorCode(c.auth.signIn.mutate({ email: a.email, password: `wrong ${i}` }))).toBe("UNAUTHORIZED");
    }
    expect(await errorCode(c.auth.signIn.mutate({ email: a.email, password: "correct horse battery" }))).toBe("TOO_MANY_REQUESTS");
  });

  it("sets an HttpOnly SameSite=Lax session cookie", async () => {
    const res = await handleTrpcRequest(
      t.db,
      "http://localhost:3000",
      new Request("http://localhost:3000/api/trpc/auth.signUp", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify({ json: { email: "cookie@example.com", password: "password123", name: "C" } }),
      }),
    );
    const header = res.headers.getSetCookie().join("\n");
    expect(res.status).toBe(200);
    expect(header).toMatch(/mb_session=[^;]+;/);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).not.toMatch(/Secure/);
  });
});

describe("OAuth linking", () => {
  it("refuses an unverified provider e-mail for an existing account; a verified one signs into it (taking it over while its address is unverified)", async () => {
    const a = await signedUpClient(t.db, "Dee");
    await expect(
      signInWithOAuth(t.db, { provider: "kakao", providerUserId: "k1", email: a.email, emailVerified: false, name: "D" }),
    ).rejects.toMatchObject({ code: "CONFLICT", reason: "oauth.unverifiedEmail" });
    const linked = await signInWithOAuth(t.db, { provider: "google", providerUserId: "g1", email: a.email, emailVerified: true, name: "D" });
    expect(linked.id).toBe(a.user.id);
    const again = await signInWithOAuth(t.db, { provider: "google", providerUserId: "g1", email: "changed@example.com", emailVerified: true, name: "D" });
    expect(again.id).toBe(a.user.id);
    const fresh = await signInWithOAuth(t.db, { provider: "naver", providerUserId: "n1", email: "new.person@example.com", emailVerified: true, name: "New" });
    expect(fresh.id).not.toBe(a.user.id);
  });
});
