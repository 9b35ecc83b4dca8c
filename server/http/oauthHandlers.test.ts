import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "@/db/projectRoot";
import { users } from "@/db/schema";
import { env } from "@/server/env";
import { outboxDir } from "@/server/mail/outbox";
import { latestMailTo, linkIn } from "@/test/outbox";
import { validateSession } from "../auth/sessions";
import { createTestDb, type TestDb } from "@/test/testDb";
import { startOAuthTestServer } from "@/test/oauthTestServer";
import { createTestClient, errorCode, signedUpClient } from "@/test/trpcTestClient";
import { CLIENT_ADDRESS_HEADER } from "./clientAddress";
import { finishOAuth, startOAuth } from "./oauthHandlers";

const APP = "http://localhost:3000";
let t: TestDb;
let idp: Awaited<ReturnType<typeof startOAuthTestServer>>;
let profile: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestDb();
  idp = await startOAuthTestServer({ clientId: "client-1", clientSecret: "secret-1", profile: () => profile });
  Object.assign(process.env, {
    GOOGLE_CLIENT_ID: "client-1",
    GOOGLE_CLIENT_SECRET: "secret-1",
    OAUTH_GOOGLE_AUTHORIZATION_URL: `${idp.base}/authorize`,
    OAUTH_GOOGLE_TOKEN_URL: `${idp.base}/token`,
    OAUTH_GOOGLE_USERINFO_URL: `${idp.base}/userinfo`,
  });
});
afterAll(async () => {
  for (const k of ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"]) delete process.env[k];
  await idp.close();
  await t.close();
});

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");

let addresses = 0;
/** A start request as our HTTP server hands it on, stamped with the caller's address. */
const startRequest = (path: string, address = `198.19.0.${++addresses}`) => new Request(`${APP}${path}`, { headers: { [CLIENT_ADDRESS_HEADER]: address } });

/** The browser's part: start, follow the provider's redirect, come back with the cookies. */
async function roundTrip(next = "/invite/abc", tamper?: (callback: URL) => void) {
  const start = await startOAuth(t.db, startRequest(`/api/auth/google?next=${encodeURIComponent(next)}`), "google", APP);
  expect(start.status).toBe(302);
  const authorize = await fetch(start.headers.get("location")!, { redirect: "manual" });
  const callback = new URL(authorize.headers.get("location")!);
  tamper?.(callback);
  return finishOAuth(t.db, new Request(callback, { headers: { cookie: cookiesOf(start) } }), "google", APP);
}

describe("OAuth sign-in (against a local OAuth server)", () => {
  it("sends state and an S256 PKCE challenge, signs in, and returns to `next`", async () => {
    profile = { sub: "g-100", email: "oauth.person@example.com", email_verified: true, name: "OAuth Person" };
    const done = await roundTrip("/invite/abc");
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`${APP}/invite/abc`);
    const sent = idp.seen.authorize.at(-1)!;
    expect(sent.get("code_challenge_method")).toBe("S256");
    expect(sent.get("state")).toBeTruthy();
    const session = await validateSession(t.db, cookiesOf(done));
    expect(session?.user.email).toBe("oauth.person@example.com");
  });

  it("refuses a callback whose state does not match", async () => {
    profile = { sub: "g-101", email: "x@example.com", email_verified: true, name: "X" };
    const done = await roundTrip("/dashboard", (cb) => cb.searchParams.set("state", "forged"));
    expect(done.headers.get("location")).toBe(`${APP}/sign-in?error=oauth.badState`);
    expect(await validateSession(t.db, cookiesOf(done))).toBeNull();
  });

  it("does not link an unverified e-mail to an existing password account", async () => {
    const existing = await signedUpClient(t.db, "Holder");
    profile = { sub: "g-102", email: existing.email, email_verified: false, name: "Impostor" };
    const done = await roundTrip();
    expect(done.headers.get("location")).toBe(`${APP}/sign-in?error=oauth.unverifiedEmail`);
    expect(await validateSession(t.db, cookiesOf(done))).toBeNull();
  });

  it("links a verified e-mail to an account whose owner verified it too, which keeps its password and sessions", async () => {
    const existing = await signedUpClient(t.db, "Linker");
    const mail = (await latestMailTo(outboxDir(path.resolve(projectRoot(), env().DATA_DIR)), existing.email))!;
    await existing.client.auth.verifyEmail.mutate({ token: linkIn(mail, "/verify-email").searchParams.get("token")! });
    profile = { sub: "g-103", email: existing.email, email_verified: true, name: "Linker" };
    const done = await roundTrip("/dashboard");
    expect((await validateSession(t.db, cookiesOf(done)))?.user.id).toBe(existing.user.id);
    expect(await existing.client.auth.me.query()).toMatchObject({ id: existing.user.id });
    await createTestClient(t.db).client.auth.signIn.mutate({ email: existing.email, password: "correct horse battery" });
  });

  it("takes over an account whose e-mail was never verified: the squatter's password and sessions go", async () => {
    // Someone signed up with the owner's address before the owner arrived, and is signed in.
    const squatter = await signedUpClient(t.db, "Squatter");
    expect(await squatter.client.auth.me.query()).toMatchObject({ emailVerified: false });
    profile = { sub: "g-105", email: squatter.email, email_verified: true, name: "Rightful Owner" };
    const done = await roundTrip("/dashboard");
    const owner = await validateSession(t.db, cookiesOf(done));
    expect(owner?.user.id).toBe(squatter.user.id);
    expect(await squatter.client.auth.me.query()).toBeNull();
    expect(await errorCode(createTestClient(t.db).client.auth.signIn.mutate({ email: squatter.email, password: "correct horse battery" }))).toBe("UNAUTHORIZED");
    const [row] = await t.db.select().from(users).where(eq(users.id, squatter.user.id));
    expect(row).toMatchObject({ passwordHash: null, emailVerified: true });
  });

  it("ignores an off-site `next` and lists only configured providers", async () => {
    profile = { sub: "g-104", email: "safe@example.com", email_verified: true, name: "Safe" };
    expect((await roundTrip("//evil.example/x")).headers.get("location")).toBe(`${APP}/dashboard`);
    expect(await createTestClient(t.db).client.auth.providers.query()).toEqual(["google"]);
    expect((await startOAuth(t.db, startRequest("/api/auth/naver"), "naver", APP)).status).toBe(404);
  });

  it("throttles starts per client address, with Retry-After, and not other addresses", async () => {
    const starts = await Promise.all(Array.from({ length: 35 }, () => startOAuth(t.db, startRequest("/api/auth/google", "198.19.9.9"), "google", APP)));
    expect(starts.filter((r) => r.status === 302)).toHaveLength(30);
    const refused = starts.filter((r) => r.status === 429);
    expect(refused).toHaveLength(5);
    expect(Number(refused[0]!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await startOAuth(t.db, startRequest("/api/auth/google", "198.19.9.10"), "google", APP)).status).toBe(302);
  });
});
