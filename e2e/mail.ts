import path from "node:path";
import { expect } from "@playwright/test";
import { readOutbox } from "../server/mail/outbox";

/** The e2e server has no SMTP_URL, so mail lands in the outbox of its DATA_DIR, which playwright.config.ts chose. */
const OUTBOX = path.resolve(process.env.E2E_DATA_DIR!, "outbox");

/** The link to `page` in the newest mail to `to`, waiting for the mail to arrive. */
export async function linkFromMail(to: string, page: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mail = (await readOutbox(OUTBOX)).filter((m) => m.to === to).at(-1);
      link = mail?.text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname === page);
      return link;
    }, { message: `a mail to ${to} with a ${page} link` })
    .toBeTruthy();
  return link!;
}
