import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleTrpcRequest } from "@/server/http/trpcHandler";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createTestClient, errorCode, errorOf, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";
import { CLIENT_ADDRESS_HEADER } from "../http/clientAddress";
import { signInDelayMs } from "./limits";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const PASSWORD = "correct horse battery";

/** How many of the calls ended with each tRPC code. */
async function codes(calls: Promise<unknown>[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const code of await Promise.all(calls.map((c) => errorCode(c)))) out[code] = (out[code] ?? 0) + 1;
  return out;
}

describe("sign-in limits", () => {
  it("checks at most 10 wrong passwords for an e-mail from one address, however many arrive at once", async () => {
    const victim = await signedUpClient(t.db, "Target");
    const attacker = createTestClient(t.db).client;
    const tries = Array.from({ length: 30 }, (_, i) => attacker.auth.signIn.mutate({ email: victim.email, password: `guess ${i}` }));
    expect(await codes(tries)).toEqual({ UNAUTHORIZED: 10, TOO_MANY_REQUESTS: 20 });
    // Still closed for that address, even with the right password.
    expect(await errorCode(attacker.auth.signIn.mutate({ email: victim.email, password: PASSWORD }))).toBe("TOO_MANY_REQUESTS");
  });

  it("throttles the attacker's address, not the victim: the owner signs in from another address", async () => {
    const victim = await signedUpClient(t.db, "Victim");
    const attacker = createTestClient(t.db).client;
    for (let i = 0; i < 10; i++) expect(await errorCode(attacker.auth.signIn.mutate({ email: victim.email, password: `guess ${i}` }))).toBe("UNAUTHORIZED");
    expect(await errorCode(attacker.auth.signIn.mutate({ email: victim.email, password: `guess 11` }))).toBe("TOO_MANY_REQUESTS");
    const elsewhere = createTestClient(t.db);
    expect(await elsewhere.client.auth.signIn.mutate({ email: victim.email, password: PASSWORD })).toMatchObject({ id: victim.user.id });
  });

  it("limits one address spraying many e-mails to 30 wrong passwords", async () => {
    const sprayer = createTestClient(t.db).client;
    const tries = Array.from({ length: 35 }, (_, i) => sprayer.auth.signIn.mutate({ email: `spray${i}@example.com`, password: "Summer2026!" }));
    expect(await codes(tries)).toEqual({ UNAUTHORIZED: 30, TOO_MANY_REQUESTS: 5 });
    // Another address is not affected.
    expect(await errorCode(createTestClient(t.db).client.auth.signIn.mutate({ email: "spray0@example.com", password: "x" }))).toBe("UNAUTHORIZED");
  });

  it("does not count successful sign-ins", async () => {
    const person = await signedUpClient(t.db, "Regular");
    const same = createTestClient(t.db).client;
    for (let i = 0; i < 12; i++) await same.auth.signIn.mutate({ email: person.email, password: PASSWORD });
    expect(await errorCode(same.auth.signIn.mutate({ email: person.email, password: "wrong" }))).toBe("UNAUTHORIZED");
  });

  it("answers a refusal with 429, a Retry-After header and the seconds in the error", async () => {
    const victim = await signedUpClient(t.db, "Header");
    const address = "198.51.100.77";
    const call = () =>
      handleTrpcRequest(
        t.db,
        TEST_APP_URL,
        new Request(`${TEST_APP_URL}/api/trpc/auth.signIn`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: TEST_APP_URL, [CLIENT_ADDRESS_HEADER]: address },
          body: JSON.stringify({ json: { email: victim.email, password: "wrong password" } }),
        }),
      );
    for (let i = 0; i < 10; i++) expect((await call()).status).toBe(401);
    const refused = await call();
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const body = (await refused.json()) as { error: { json: { data: { retryAfterSeconds: number; reason: string } } } };
    expect(body.error.json.data).toMatchObject({ retryAfterSeconds: retryAfter, reason: "account.tooManyAttempts" });
  });

  it("slows sign-in for an e-mail down after 10 failures from all addresses, doubling up to 5 s", () => {
    expect([10, 11, 12, 13, 20, 100].map(signInDelayMs)).toEqual([0, 250, 500, 1000, 5000, 5000]);
  });
});

describe("sign-up limits", () => {
  it("allows 10 sign-ups a minute from one address, even all at once, and others are not affected", async () => {
    const one = createTestClient(t.db, { address: "203.0.113.40" }).client;
    const tries = Array.from({ length: 13 }, (_, i) => one.auth.signUp.mutate({ email: `flood${i}@example.com`, password: PASSWORD, name: `F${i}` }));
    const settled = await Promise.allSettled(tries);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(10);
    const err = await errorOf(one.auth.signUp.mutate({ email: "flood-late@example.com", password: PASSWORD, name: "Late" }));
    expect(err.data?.code).toBe("TOO_MANY_REQUESTS");
    expect((err.data as { reason: string }).reason).toBe("account.tooManySignUps");
    await createTestClient(t.db, { address: "203.0.113.41" }).client.auth.signUp.mutate({ email: "other-net@example.com", password: PASSWORD, name: "O" });
  });
});

describe("invite limits", () => {
  it("counts wrong invite tokens per account and address: 30, then TOO_MANY_REQUESTS; working links do not count", async () => {
    const owner = await signedUpClient(t.db, "Host");
    const guesser = await signedUpClient(t.db, "Guesser");
    const { id: canvasId } = await owner.client.canvas.create.mutate({ name: "Guarded" });
    const guesses = Array.from({ length: 34 }, (_, i) => guesser.client.invite.accept.mutate({ token: `not-a-real-token-${i}-xxxxxxxx` }));
    expect(await codes(guesses)).toEqual({ NOT_FOUND: 30, TOO_MANY_REQUESTS: 4 });
    expect(await errorCode(guesser.client.invite.preview.query({ token: "not-a-real-token-again-xxxx" }))).toBe("TOO_MANY_REQUESTS");

    const guest = await signedUpClient(t.db, "Guest");
    for (let i = 0; i < 35; i++) {
      const invite = await owner.client.invite.create.mutate({ canvasId, role: "viewer" });
      expect(await guest.client.invite.accept.mutate({ token: invite.token })).toMatchObject({ canvasId });
    }
  });
});
