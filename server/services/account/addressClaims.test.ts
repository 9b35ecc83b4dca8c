import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { resetEnvCache } from "@/server/env";
import { readOutbox } from "@/server/mail/outbox";
import { latestMailTo, linkIn } from "@/test/outbox";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createTestClient, errorOf, signedUpClient } from "@/test/trpcTestClient";

let t: TestDb;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-claims-"));
const outbox = path.join(dataDir, "outbox");

beforeAll(async () => {
  delete process.env.SMTP_URL;
  process.env.DATA_DIR = dataDir;
  resetEnvCache();
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const tokenIn = (mail: { text: string }, page: string) => linkIn(mail as never, page).searchParams.get("token")!;
const mailsTo = async (to: string) => (await readOutbox(outbox)).filter((m) => m.to === to);

describe("an address has one account once proved, and sign-up does not tell", () => {
  it("answers a sign-up with a taken address as any other, and mails the owner instead", async () => {
    const ann = await signedUpClient(t.db, "Ann");
    await ann.client.auth.verifyEmail.mutate({ token: tokenIn((await latestMailTo(outbox, ann.email))!, "/verify-email") });

    const fresh = await createTestClient(t.db).client.auth.signUp.mutate({ email: `new.${Date.now()}@example.com`, password: "mallory's password", name: "Mal" });
    const mal = createTestClient(t.db);
    const taken = await mal.client.auth.signUp.mutate({ email: ann.email.toUpperCase(), password: "mallory's password", name: "Mal" });
    expect(Object.keys(taken).sort()).toEqual(Object.keys(fresh).sort());
    expect(taken).toMatchObject({ email: ann.email, emailVerified: false, name: "Mal" });
    expect(taken.id).not.toBe(ann.user.id);
    expect(await mal.client.auth.me.query()).toMatchObject({ id: taken.id });

    // The owner hears of it; no link that could prove the address reaches anyone.
    const notice = (await latestMailTo(outbox, ann.email))!;
    expect(notice.subject).toMatch(/tried to sign up/);
    expect(notice.text).toMatch(/Hello Ann/);
    expect(notice.text).not.toMatch(/verify-email/);
    expect(await mal.client.auth.sendVerification.mutate()).toEqual({ ok: true, alreadyVerified: false });
    expect((await latestMailTo(outbox, ann.email))!.text).not.toMatch(/verify-email/);

    // Each password opens its own account; the owner's stays hers.
    const elsewhere = createTestClient(t.db).client;
    expect(await elsewhere.auth.signIn.mutate({ email: ann.email, password: "correct horse battery" })).toMatchObject({ id: ann.user.id, emailVerified: true });
    expect(await createTestClient(t.db).client.auth.signIn.mutate({ email: ann.email, password: "mallory's password" })).toMatchObject({ id: taken.id });
    // A password reset is for the account that proved the address only.
    await createTestClient(t.db).client.auth.requestPasswordReset.mutate({ email: ann.email });
    const reset = (await latestMailTo(outbox, ann.email))!;
    expect(reset.text.match(/reset-password\?token=/g)).toHaveLength(1);
  });

  it("lets unproven claims share an address until one proves it; the reset mail offers each", async () => {
    const email = `shared.${Date.now()}@example.com`;
    const first = createTestClient(t.db);
    const u1 = await first.client.auth.signUp.mutate({ email, password: "first password", name: "First" });
    const second = createTestClient(t.db);
    const u2 = await second.client.auth.signUp.mutate({ email, password: "second password", name: "Second" });
    const verifyMails = (await mailsTo(email)).filter((m) => /verify-email/.test(m.text));
    expect(verifyMails).toHaveLength(2);
    const u2Verify = tokenIn(verifyMails[1]!, "/verify-email");

    // Password sign-in opens the newest unproven claim; the older one keeps its session.
    expect(await createTestClient(t.db).client.auth.signIn.mutate({ email, password: "second password" })).toMatchObject({ id: u2.id });
    const wrong = await errorOf(createTestClient(t.db).client.auth.signIn.mutate({ email, password: "first password" }));
    expect(wrong.data).toMatchObject({ code: "UNAUTHORIZED", reason: "account.wrongCredentials" });
    expect(await first.client.auth.me.query()).toMatchObject({ id: u1.id });

    // The mailbox's owner picks their account in the reset mail; resetting proves the address.
    await createTestClient(t.db).client.auth.requestPasswordReset.mutate({ email });
    const reset = (await latestMailTo(outbox, email))!;
    const line = reset.text.split("\n").find((l) => l.includes(`"First"`))!;
    expect(reset.text.match(/reset-password\?token=/g)).toHaveLength(2);
    const token = new URL(line.slice(line.indexOf("http"))).searchParams.get("token")!;
    const owner = createTestClient(t.db);
    expect(await owner.client.auth.resetPassword.mutate({ token, password: "owner's new password" })).toMatchObject({ id: u1.id, emailVerified: true });
    expect(await createTestClient(t.db).client.auth.signIn.mutate({ email, password: "owner's new password" })).toMatchObject({ id: u1.id });

    // The other claim can no longer prove it, and says why.
    const late = await errorOf(createTestClient(t.db).client.auth.verifyEmail.mutate({ token: u2Verify }));
    expect(late.data).toMatchObject({ code: "CONFLICT", reason: "account.emailOwnedElsewhere" });
    const rows = await t.db.select({ id: users.id, verified: users.emailVerified }).from(users).where(eq(users.email, email));
    expect(rows.filter((r) => r.verified).map((r) => r.id)).toEqual([u1.id]);
  });

  it("writes each account's mail in the language it signed up in", async () => {
    const email = `hangul.${Date.now()}@example.com`;
    const korean = createTestClient(t.db);
    korean.jar.set("mb_locale", "ko");
    await korean.client.auth.signUp.mutate({ email, password: "비밀번호 1234", name: "민지" });
    const verify = (await latestMailTo(outbox, email))!;
    expect(verify.subject).toBe("Merchboard 이메일 주소를 확인해 주세요");
    expect(verify.text).toMatch(/^민지님, 안녕하세요\./);
    await createTestClient(t.db).client.auth.requestPasswordReset.mutate({ email });
    expect((await latestMailTo(outbox, email))!.subject).toBe("Merchboard 비밀번호 재설정");
  });

  it("mails one address a few times an hour at most, whoever signs up with it", async () => {
    const email = `flood.${Date.now()}@example.com`;
    for (let i = 0; i < 5; i++) await createTestClient(t.db, { address: `10.9.0.${i}` }).client.auth.signUp.mutate({ email, password: "a password!", name: `N${i}` });
    expect(await mailsTo(email)).toHaveLength(3);
    expect(await t.db.$count(users, eq(users.email, email))).toBe(5);
  });
});
