import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export type OutboxMessage = { id: string; to: string; subject: string; text: string; sentAt: string; category?: "account" | "order" };

/** Where mail goes when no SMTP server is configured: `<data dir>/outbox`. */
export function outboxDir(dataDir: string): string {
  return path.join(dataDir, "outbox");
}

/**
 * Keeps one message as `<id>.eml` (the whole message, to open in any mail client) and `<id>.json`
 * (recipient, subject and text, for scripts and tests). Ids sort by time.
 */
export async function writeToOutbox(dir: string, mail: { to: string; subject: string; text: string; category?: OutboxMessage["category"] }, raw: Buffer): Promise<OutboxMessage> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const sentAt = new Date().toISOString();
  const id = `${sentAt.replace(/[-:.]/g, "")}-${randomBytes(4).toString("hex")}`;
  const message: OutboxMessage = { id, to: mail.to, subject: mail.subject, text: mail.text, sentAt, category: mail.category ?? "account" };
  await fs.writeFile(path.join(dir, `${id}.eml`), raw, { mode: 0o600 });
  // Written last: a reader that finds the .json finds the whole message.
  await fs.writeFile(path.join(dir, `${id}.json`), JSON.stringify(message, null, 2), { mode: 0o600 });
  return message;
}

/** Every message in the outbox, oldest first. */
export async function readOutbox(dir: string): Promise<OutboxMessage[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const files = names.filter((n) => n.endsWith(".json")).sort();
  return Promise.all(files.map(async (n) => JSON.parse(await fs.readFile(path.join(dir, n), "utf8")) as OutboxMessage));
}
