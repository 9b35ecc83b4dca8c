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

export function verificationMail(to: string, name: string, url: string): Mail {
  return composeMail(
    to,
    "Confirm your e-mail for Merchboard",
    [`Hello ${name},`, "Please confirm that this is your e-mail address. The link works for 24 hours."],
    { label: "Confirm my e-mail", url },
    "If you did not create a Merchboard account, ignore this message.",
  );
}

/** One link per account: an address not yet confirmed may have been used for more than one. */
export function passwordResetMail(to: string, accounts: { name: string; createdAt: Date; url: string }[]): Mail {
  const one = accounts.length === 1;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return composeMail(
    to,
    "Reset your Merchboard password",
    [
      one ? `Hello ${accounts[0]!.name},` : "Hello,",
      one
        ? "Someone asked to reset the password of your Merchboard account. The link works once, for 30 minutes."
        : `Someone asked to reset a password. ${accounts.length} unconfirmed Merchboard accounts use this address; choose the one that is yours. Each link works once, for 30 minutes, and confirms the address for that account.`,
    ],
    accounts.map((a) => ({ label: one ? "Choose a new password" : `Choose a new password for "${a.name}" (made ${day(a.createdAt)})`, url: a.url })),
    "If it was not you, ignore this message: your password stays as it is.",
  );
}

/** To an address's owner when someone signs up with it again: sign-up itself answers as for any address. */
export function addressTakenMail(to: string, name: string, appUrl: string): Mail {
  return composeMail(
    to,
    "Someone tried to sign up with your e-mail",
    [
      `Hello ${name},`,
      "Someone just tried to create a Merchboard account with this address, which already belongs to your account. The new account cannot use this address.",
      "If it was you, sign in to the account you have; if you forgot its password, you can reset it from the sign-in page.",
    ],
    { label: "Sign in", url: `${appUrl}/sign-in` },
    "If it was not you, nothing changes for your account; you may ignore this message.",
  );
}
