import { isLocale, type Locale } from "@/domain/i18n/locales";
import type { Mail } from "./mailer";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Action = { label: string; url: string };

/** A plain mail: lines, one link per action (most mails have one), and a quieter footer. */
export function composeMail(to: string, subject: string, lines: string[], action: Action | Action[], footer: string): Mail {
  const actions = Array.isArray(action) ? action : [action];
  const text = [...lines, "", ...actions.map((a) => `${a.label}: ${a.url}`), "", footer].join("\n");
  const html = [
    ...lines.map((l) => `<p>${escape(l)}</p>`),
    ...actions.map((a) => `<p><a href="${escape(a.url)}">${escape(a.label)}</a></p>`),
    `<p style="color:#555">${escape(footer)}</p>`,
  ].join("\n");
  return { to, subject, text, html };
}

/** Account mail's words in each language the product speaks. */
const WORDS = {
  en: {
    verifySubject: "Confirm your e-mail for Merchboard",
    hello: (name: string) => `Hello ${name},`,
    helloAll: "Hello,",
    verifyBody: "Please confirm that this is your e-mail address. The link works for 24 hours.",
    verifyAction: "Confirm my e-mail",
    verifyFooter: "If you did not create a Merchboard account, ignore this message.",
    resetSubject: "Reset your Merchboard password",
    resetOne: "Someone asked to reset the password of your Merchboard account. The link works once, for 30 minutes.",
    resetMany: (n: number) => `Someone asked to reset a password. ${n} unconfirmed Merchboard accounts use this address; choose the one that is yours. Each link works once, for 30 minutes, and confirms the address for that account.`,
    resetAction: "Choose a new password",
    resetActionFor: (name: string, day: string) => `Choose a new password for "${name}" (made ${day})`,
    resetFooter: "If it was not you, ignore this message: your password stays as it is.",
    takenSubject: "Someone tried to sign up with your e-mail",
    takenBody: "Someone just tried to create a Merchboard account with this address, which already belongs to your account. The new account cannot use this address.",
    takenHint: "If it was you, sign in to the account you have; if you forgot its password, you can reset it from the sign-in page.",
    takenAction: "Sign in",
    takenFooter: "If it was not you, nothing changes for your account; you may ignore this message.",
  },
  ko: {
    verifySubject: "Merchboard 이메일 주소를 확인해 주세요",
    hello: (name: string) => `${name}님, 안녕하세요.`,
    helloAll: "안녕하세요.",
    verifyBody: "이 이메일 주소가 맞는지 확인해 주세요. 링크는 24시간 동안 쓸 수 있어요.",
    verifyAction: "이메일 확인하기",
    verifyFooter: "Merchboard 계정을 만든 적이 없다면 이 메일은 무시하셔도 돼요.",
    resetSubject: "Merchboard 비밀번호 재설정",
    resetOne: "Merchboard 계정의 비밀번호 재설정 요청이 있었어요. 링크는 30분 동안 한 번만 쓸 수 있어요.",
    resetMany: (n: number) => `비밀번호 재설정 요청이 있었어요. 이 주소로 아직 확인되지 않은 Merchboard 계정이 ${n}개 있어요. 본인 계정을 골라 주세요. 각 링크는 30분 동안 한 번만 쓸 수 있고, 그 계정의 이메일 주소도 함께 확인돼요.`,
    resetAction: "새 비밀번호 정하기",
    resetActionFor: (name: string, day: string) => `"${name}" 계정(${day} 가입)의 새 비밀번호 정하기`,
    resetFooter: "요청한 적이 없다면 이 메일은 무시하세요. 비밀번호는 그대로예요.",
    takenSubject: "누군가 회원님의 이메일로 가입을 시도했어요",
    takenBody: "방금 누군가 이 주소로 Merchboard 계정을 만들려고 했어요. 이 주소는 이미 회원님 계정의 주소라서 새 계정은 이 주소를 쓸 수 없어요.",
    takenHint: "본인이었다면 기존 계정으로 로그인하세요. 비밀번호가 기억나지 않으면 로그인 페이지에서 재설정할 수 있어요.",
    takenAction: "로그인하기",
    takenFooter: "본인이 아니라면 회원님 계정에는 아무 변화가 없으니 이 메일은 무시하셔도 돼요.",
  },
} satisfies Record<Locale, unknown>;

const wordsOf = (locale: string) => WORDS[isLocale(locale) ? locale : "en"];

export function verificationMail(to: string, name: string, url: string, locale = "en"): Mail {
  const w = wordsOf(locale);
  return composeMail(to, w.verifySubject, [w.hello(name), w.verifyBody], { label: w.verifyAction, url }, w.verifyFooter);
}

/** One link per account: an address not yet confirmed may have been used for more than one. */
export function passwordResetMail(to: string, accounts: { name: string; createdAt: Date; url: string }[], locale = "en"): Mail {
  const w = wordsOf(locale);
  const one = accounts.length === 1;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return composeMail(
    to,
    w.resetSubject,
    [one ? w.hello(accounts[0]!.name) : w.helloAll, one ? w.resetOne : w.resetMany(accounts.length)],
    accounts.map((a) => ({ label: one ? w.resetAction : w.resetActionFor(a.name, day(a.createdAt)), url: a.url })),
    w.resetFooter,
  );
}

/** To an address's owner when someone signs up with it again: sign-up itself answers as for any address. */
export function addressTakenMail(to: string, name: string, appUrl: string, locale = "en"): Mail {
  const w = wordsOf(locale);
  return composeMail(to, w.takenSubject, [w.hello(name), w.takenBody, w.takenHint], { label: w.takenAction, url: `${appUrl}/sign-in` }, w.takenFooter);
}
