import type { Mail } from "./mailer";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function composeMail(to: string, subject: string, lines: string[], action: { label: string; url: string }, footer: string): Mail {
  const text = [...lines, "", `${action.label}: ${action.url}`, "", footer].join("\n");
  const html = [
    ...lines.map((l) => `<p>${escape(l)}</p>`),
    `<p><a href="${escape(action.url)}">${escape(action.label)}</a></p>`,
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

export function passwordResetMail(to: string, name: string, url: string): Mail {
  return composeMail(
    to,
    "Reset your Merchboard password",
    [`Hello ${name},`, "Someone asked to reset the password of your Merchboard account. The link works once, for 30 minutes."],
    { label: "Choose a new password", url },
    "If it was not you, ignore this message: your password stays as it is.",
  );
}
