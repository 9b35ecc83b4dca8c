import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodErrorMap, zodMessageIn } from "./zodLocale";

const form = z.object({ name: z.string().min(2), age: z.number().int(), email: z.email().max(20, "must be at most 20 characters") });
const bad = { name: "A", age: "ten", email: "nope" };

describe("zod's messages in the reader's language", () => {
  it("words one parse in Korean with zod's own locale, and leaves the next parse as it was", () => {
    const ko = form.safeParse(bad, { error: zodErrorMap("ko") }).error!.issues.map((i) => i.message);
    expect(ko).toEqual(["string이 너무 작습니다: 2문자 이상이어야 합니다", "잘못된 입력: 예상 타입은 number, 받은 타입은 string입니다", "잘못된 이메일 주소"]);
    expect(form.safeParse(bad).error!.issues[0]!.message).toBe("Too small: expected string to have >=2 characters");
  });

  it("rewords a finished parse's issues for another language, the schema's English included, but keeps a custom rule's words and English as it was", () => {
    const input = { ...bad, email: "a.rather.long.address@example.com", code: "no" };
    const issues = form.extend({ code: z.string().refine((c) => c === "ok", "must be ok") }).safeParse(input).error!.issues;
    expect(issues.map((i) => zodMessageIn("ko", i, input))).toEqual([
      "string이 너무 작습니다: 2문자 이상이어야 합니다",
      "잘못된 입력: 예상 타입은 number, 받은 타입은 string입니다",
      "string이 너무 큽니다: 20문자 이하여야 합니다",
      "must be ok",
    ]);
    expect(issues.map((i) => zodMessageIn("en", i, input))).toEqual(issues.map((i) => i.message));
  });
});
