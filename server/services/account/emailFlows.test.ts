import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailTokens, oauthAccounts, users } from "@/db/schema";
import { startSession } from "@/server/auth/sessions";
import { resetEnvCache } from "@/server/env";
import { latestMailTo, linkIn } from "@/test/outbox";
import { createTestDb, type TestDb } from "@/test/testDb";
import { signInWithOAuth } from "./accountService";
import { createTestClient, errorCode, errorOf, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";

let t: TestDb;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-mail-"));
const outbox = path.join(dataDir, "outbox");

beforeAll(async () => {
  // No SMTP_URL: mail lands in the outbox under the data folder.
  delete process.env.SMTP_URL;
  process.env.DATA_DIR = dataDir;
  resetEnvCache();
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const PASSWORD = "correct horse battery";

async function tokenFrom(to: string, page: "/verify-email" | "/reset-password") {
  const mail = await latestMailTo(outbox, to);
  expect(mail, `a mail to ${to}`).not.toBeNull();
  const link = linkIn(mail!, page);
  expect(link.origin).toBe(TEST_APP_URL);
  return link.searchParams.get("token")!;
}

describe("e-mail verification", () => {
  it("sign-up mails a link (kept as .eml and .json) that verifies the address once, without a session", async () => {
    const a = await signedUpClient(t.db, "Vera");
    expect(await a.client.auth.me.query()).toMatchObject({ emailVerified: false });
    // Unverified accounts use the product.
    await a.client.canvas.create.mutate({ name: "Before verifying" });
    const mail = (await latestMailTo(outbox, a.email))!;
    expect(mail.subject).toMatch(/Confirm your e-mail/);
    expect(fs.readFileSync(path.join(outbox, `${mail.id}.eml`), "utf8")).toMatch(new RegExp(`^To: ${a.email}$`, "m"));

    const token = await tokenFrom(a.email, "/verify-email");
    const elsewhere = createTestClient(t.db).client;
    expect(await elsewhere.auth.verifyEmail.mutate({ token })).toEqual({ email: a.email });
    expect(await a.client.auth.me.query()).toMatchObject({ emailVerified: true });
    const again = await errorOf(elsewhere.auth.verifyEmail.mutate({ token }));
    expect(again.data).toMatchObject({ code: "BAD_REQUEST", reason: "account.linkInvalid" });
  });

  it("stores only the token's hash, and a newer mail's link replaces the older one", async () => {
    const a = await signedUpClient(t.db, "Hash");
    const first = await tokenFrom(a.email, "/verify-email");
    const rows = await t.db.select().from(emailTokens).where(eq(emailTokens.tokenHash, createHash("sha256").update(first).digest("hex")));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(await t.db.select().from(emailTokens))).not.toContain(first);

    expect(await a.client.auth.sendVerification.mutate()).toEqual({ ok: true, alreadyVerified: false });
    const second = await tokenFrom(a.email, "/verify-email");
    expect(second).not.toBe(first);
    expect(await errorCode(a.client.auth.verifyEmail.mutate({ token: first }))).toBe("BAD_REQUEST");
    await a.client.auth.verifyEmail.mutate({ token: second });
    expect(await a.client.auth.sendVerification.mutate()).toEqual({ ok: true, alreadyVerified: true });
  });

  it("refuses malformed tokens as invalid input", async () => {
    const err = await errorOf(createTestClient(t.db).client.auth.verifyEmail.mutate({ token: "short" }));
    expect(err.data?.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/token: is not a valid link/);
  });
});

describe("password reset", () => {
  it("mails a one-time link; the reset ends every session, the old password stops working and the new one works", async () => {
    const owner = await signedUpClient(t.db, "Rhea");
    const otherDevice = createTestClient(t.db);
    await otherDevice.client.auth.signIn.mutate({ email: owner.email, password: PASSWORD });
    const visitor = createTestClient(t.db);
    expect(await visitor.client.auth.requestPasswordReset.mutate({ email: owner.email.toUpperCase() })).toEqual({ ok: true });
    const token = await tokenFrom(owner.email, "/reset-password");

    const user = await visitor.client.auth.resetPassword.mutate({ token, password: "a brand new secret" });
    expect(user).toMatchObject({ id: owner.user.id, emailVerified: true });
    expect(await visitor.client.auth.me.query()).toMatchObject({ id: owner.user.id });
    expect(await owner.client.auth.me.query()).toBeNull();
    expect(await otherDevice.client.auth.me.query()).toBeNull();
    expect(await errorCode(createTestClient(t.db).client.auth.signIn.mutate({ email: owner.email, password: PASSWORD }))).toBe("UNAUTHORIZED");
    await createTestClient(t.db).client.auth.signIn.mutate({ email: owner.email, password: "a brand new secret" });
    expect(await errorCode(createTestClient(t.db).client.auth.resetPassword.mutate({ token, password: "yet another one" }))).toBe("BAD_REQUEST");
  });

  it("answers the same for an unknown e-mail and sends nothing", async () => {
    const ghost = "nobody.here@example.com";
    expect(await createTestClient(t.db).client.auth.requestPasswordReset.mutate({ email: ghost })).toEqual({ ok: true });
    expect(await latestMailTo(outbox, ghost)).toBeNull();
  });

  it("gives a link 30 minutes, and refuses it once they are over", async () => {
    const a = await signedUpClient(t.db, "Clock");
    await createTestClient(t.db).client.auth.requestPasswordReset.mutate({ email: a.email });
    const token = await tokenFrom(a.email, "/reset-password");
    const hash = createHash("sha256").update(token).digest("hex");
    const [row] = await t.db.select().from(emailTokens).where(eq(emailTokens.tokenHash, hash));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(29 * 60_000);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000 + 1000);
    // Thirty minutes pass.
    await t.db.update(emailTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(emailTokens.tokenHash, hash));
    expect(await errorCode(createTestClient(t.db).client.auth.resetPassword.mutate({ token, password: "too late now" }))).toBe("BAD_REQUEST");
    await createTestClient(t.db).client.auth.signIn.mutate({ email: a.email, password: PASSWORD });
  });

  it("mails at most 5 links an hour for one e-mail", async () => {
    const a = await signedUpClient(t.db, "Inbox");
    const calls = Array.from({ length: 7 }, () => errorCode(createTestClient(t.db).client.auth.requestPasswordReset.mutate({ email: a.email })).catch(() => "OK"));
    const results = await Promise.all(calls);
    expect(results.filter((r) => r === "OK")).toHaveLength(5);
    expect(results.filter((r) => r === "TOO_MANY_REQUESTS")).toHaveLength(2);
  });

  it("takes over an account whose address was never verified: the squatter's sessions and sign-in links go", async () => {
    // Made through a provider that did not vouch for the address, and signed in.
    const made = await signInWithOAuth(t.db, { provider: "kakao", providerUserId: "k-early", email: "taken.early@example.com", emailVerified: false, name: "Early" });
    const squatter = createTestClient(t.db);
    squatter.jar.set("mb_session", (await startSession(t.db, made.id)).split(";")[0]!.split("=")[1]!);
    expect(await squatter.client.auth.me.query()).toMatchObject({ id: made.id });

    await createTestClient(t.db).client.auth.requestPasswordReset.mutate({ email: made.email });
    const owner = createTestClient(t.db);
    await owner.client.auth.resetPassword.mutate({ token: await tokenFrom(made.email, "/reset-password"), password: "the owner's password" });
    expect(await squatter.client.auth.me.query()).toBeNull();
    expect(await t.db.select().from(oauthAccounts).where(eq(oauthAccounts.userId, made.id))).toEqual([]);
    const [row] = await t.db.select().from(users).where(eq(users.id, made.id));
    expect(row!.emailVerified).toBe(true);
  });
});

describe("changing the password", () => {
  it("needs the current password, keeps this session and ends every other", async () => {
    const a = await signedUpClient(t.db, "Chang");
    const other = createTestClient(t.db);
    await other.client.auth.signIn.mutate({ email: a.email, password: PASSWORD });
    const wrong = await errorOf(a.client.auth.changePassword.mutate({ currentPassword: "not it", newPassword: "fresh password 1" }));
    expect(wrong.data).toMatchObject({ code: "BAD_REQUEST", reason: "account.wrongPassword" });
    expect(await other.client.auth.me.query()).not.toBeNull();

    expect(await a.client.auth.changePassword.mutate({ currentPassword: PASSWORD, newPassword: "fresh password 1" })).toEqual({ ok: true, endedSessions: 1 });
    expect(await a.client.auth.me.query()).toMatchObject({ id: a.user.id });
    expect(await other.client.auth.me.query()).toBeNull();
    await createTestClient(t.db).client.auth.signIn.mutate({ email: a.email, password: "fresh password 1" });
  });
});
