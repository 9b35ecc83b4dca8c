import type { Mail } from "./mailer";
import { mailWords } from "./mailWords";

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

export function verificationMail(to: string, name: string, url: string, locale = "en"): Mail {
  const { t } = mailWords(locale);
  return composeMail(to, t("verify.subject"), [t("hello", { name }), t("verify.body")], { label: t("verify.action"), url }, t("verify.footer"));
}

/** One link per account: an address not yet confirmed may have been used for more than one. */
export function passwordResetMail(to: string, accounts: { name: string; createdAt: Date; url: string }[], locale = "en"): Mail {
  const { t } = mailWords(locale);
  const one = accounts.length === 1;
  return composeMail(
    to,
    t("reset.subject"),
    [one ? t("hello", { name: accounts[0]!.name }) : t("helloAll"), one ? t("reset.one") : t("reset.many", { count: accounts.length })],
    accounts.map((a) => ({ label: one ? t("reset.action") : t("reset.actionFor", { name: a.name, made: a.createdAt }), url: a.url })),
    t("reset.footer"),
  );
}

/** To an address's owner when someone signs up with it again: sign-up itself answers as for any address. */
export function addressTakenMail(to: string, name: string, appUrl: string, locale = "en"): Mail {
  const { t } = mailWords(locale);
  return composeMail(to, t("taken.subject"), [t("hello", { name }), t("taken.body"), t("taken.hint")], { label: t("taken.action"), url: `${appUrl}/sign-in` }, t("taken.footer"));
}
