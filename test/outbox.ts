import { readOutbox, type OutboxMessage } from "@/server/mail/outbox";

/** The newest message in the outbox to `to`, or null. */
export async function latestMailTo(dir: string, to: string): Promise<OutboxMessage | null> {
  return (await readOutbox(dir)).filter((m) => m.to === to).at(-1) ?? null;
}

/** The link in a message that leads to `path` (e.g. "/verify-email"), as a URL. */
export function linkIn(message: OutboxMessage, path: string): URL {
  const found = message.text.match(/https?:\/\/\S+/g)?.map((u) => new URL(u)).find((u) => u.pathname === path);
  if (!found) throw new Error(`no ${path} link in "${message.subject}"`);
  return found;
}
