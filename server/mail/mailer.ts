import path from "node:path";
import nodemailer from "nodemailer";
import { projectRoot } from "@/db/projectRoot";
import { env } from "../env";
import { outboxDir, writeToOutbox } from "./outbox";

/** `category` keeps account mail (sign-in links, reset links) apart from the shop's order mail. */
export type Mail = { to: string; subject: string; text: string; html: string; category?: "account" | "order" };
export type Mailer = { send: (mail: Mail) => Promise<void> };

/**
 * Sends mail over SMTP when `smtpUrl` is set (smtp://user:pass@host:587, smtps://… for TLS);
 * otherwise nodemailer builds the same message and it lands in the outbox folder, where the
 * operator (and the tests) can read it.
 */
export function createMailer(opts: { smtpUrl?: string; outbox: string; from: string }): Mailer {
  if (opts.smtpUrl) {
    const smtp = nodemailer.createTransport(opts.smtpUrl);
    return {
      send: async ({ category: _category, ...mail }) => void (await smtp.sendMail({ from: opts.from, ...mail })),
    };
  }
  const build = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    send: async (mail) => {
      const { category: _category, ...message } = mail;
      const info = await build.sendMail({ from: opts.from, ...message });
      await writeToOutbox(opts.outbox, mail, info.message as Buffer);
    },
  };
}

let shared: Mailer | undefined;

/** The web process's mailer, from SMTP_URL and MAIL_FROM, or the outbox under DATA_DIR. */
export function getMailer(): Mailer {
  const e = env();
  shared ??= createMailer({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outbox: outboxDir(path.resolve(projectRoot(), e.DATA_DIR)) });
  return shared;
}
