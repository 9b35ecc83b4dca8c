import { describe, expect, it } from "vitest";
import { addressTakenMail, passwordResetMail, verificationMail } from "./messages";

const accounts = [
  { name: "Ada", createdAt: new Date("2026-03-05T09:00:00Z"), url: "https://merch.example/reset-password?token=a" },
  { name: "Ada L.", createdAt: new Date("2026-11-20T23:30:00Z"), url: "https://merch.example/reset-password?token=b" },
];

describe("account e-mails", () => {
  it("offer one link per account an address was used for, each with the day it was made, in English", () => {
    const mail = passwordResetMail("ada@example.com", accounts, "en");
    expect(mail.subject).toBe("Reset your Merchboard password");
    expect(mail.text).toContain("Hello,\nSomeone asked to reset a password. 2 unconfirmed Merchboard accounts use this address;");
    expect(mail.text).toContain('Choose a new password for "Ada" (made Mar 5, 2026): https://merch.example/reset-password?token=a');
    expect(mail.text).toContain('Choose a new password for "Ada L." (made Nov 20, 2026): https://merch.example/reset-password?token=b');
    expect(mail.html).toContain("<a href=\"https://merch.example/reset-password?token=a\">Choose a new password for &#34;Ada&#34; (made Mar 5, 2026)</a>");
  });

  it("write days the Korean way (UTC days, as before) in Korean", () => {
    const mail = passwordResetMail("ada@example.com", accounts, "ko");
    expect(mail.subject).toBe("Merchboard 비밀번호 재설정");
    expect(mail.text).toContain("이 주소로 아직 확인되지 않은 Merchboard 계정이 2개 있어요.");
    expect(mail.text).toContain('"Ada" 계정(2026년 3월 5일 가입)의 새 비밀번호 정하기: https://merch.example/reset-password?token=a');
    expect(mail.text).toContain('"Ada L." 계정(2026년 11월 20일 가입)의 새 비밀번호 정하기: https://merch.example/reset-password?token=b');
  });

  it("greet one account by name, and read an unknown language as English", () => {
    expect(passwordResetMail("ada@example.com", [accounts[0]!], "ko").text).toMatch(/^Ada님, 안녕하세요\.\nMerchboard 계정의 비밀번호 재설정 요청이 있었어요\./);
    expect(verificationMail("ada@example.com", "Ada", "https://merch.example/verify-email?token=t", "fr").text).toBe(
      [
        "Hello Ada,",
        "Please confirm that this is your e-mail address. The link works for 24 hours.",
        "",
        "Confirm my e-mail: https://merch.example/verify-email?token=t",
        "",
        "If you did not create a Merchboard account, ignore this message.",
      ].join("\n"),
    );
    expect(addressTakenMail("ada@example.com", "Ada", "https://merch.example", "ko").text).toContain("로그인하기: https://merch.example/sign-in");
  });
});
