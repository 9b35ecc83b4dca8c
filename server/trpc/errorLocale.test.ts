import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { LOCALE_COOKIE } from "@/domain/i18n/locales";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createTestClient, errorOf } from "@/test/trpcTestClient";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

/** A client whose page is shown in `locale` (the language cookie the app sets). */
function clientIn(locale: "en" | "ko") {
  const c = createTestClient(t.db);
  c.jar.set(LOCALE_COOKIE, locale);
  return c.client;
}

const badSignIn = { email: "not an address", password: "" };

describe("input errors in the request's language", () => {
  it("gives a Korean request zod's own Korean words, field by field, with the same codes", async () => {
    const err = await errorOf(clientIn("ko").auth.signIn.mutate(badSignIn));
    expect(err.data).toMatchObject({ code: "BAD_REQUEST", reason: "invalidInput" });
    expect(err.data?.fieldErrors).toEqual({ email: ["잘못된 이메일 주소"], password: ["string이 너무 작습니다: 1문자 이상이어야 합니다"] });
    expect(err.data?.fieldCodes).toEqual({ email: ["invalid_format"], password: ["too_small"] });
    expect(err.message).toBe("email: 잘못된 이메일 주소; password: string이 너무 작습니다: 1문자 이상이어야 합니다");
    // Those are zod's words (z.locales.ko), not ours.
    const ko = z.locales.ko().localeError;
    expect(err.data?.fieldErrors?.password?.[0]).toBe(ko({ code: "too_small", origin: "string", minimum: 1, inclusive: true, input: "", path: [] } as never));
  });

  it("names the type a Korean request sent where it sent the wrong one", async () => {
    const err = await errorOf(clientIn("ko").auth.signIn.mutate({ email: 42, password: "x" } as never));
    expect(err.data?.fieldErrors).toEqual({ email: ["잘못된 입력: 예상 타입은 string, 받은 타입은 number입니다"] });
  });

  it("keeps the schema's English for an English request, and answers concurrent requests each in its own language", async () => {
    const [en, ko, en2] = await Promise.all([clientIn("en"), clientIn("ko"), clientIn("en")].map((c) => errorOf(c.auth.signIn.mutate(badSignIn))));
    expect(en!.data?.fieldErrors).toEqual({ email: ["must be a valid e-mail address"], password: ["must not be empty"] });
    expect(en2!.data?.fieldErrors).toEqual(en!.data?.fieldErrors);
    expect(ko!.data?.fieldErrors?.email).toEqual(["잘못된 이메일 주소"]);
  });
});
