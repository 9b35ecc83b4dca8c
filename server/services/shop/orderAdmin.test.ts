import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/server/env";
import { createMailer } from "@/server/mail/mailer";
import { passwordResetMail } from "@/server/mail/messages";
import { outboxDir } from "@/server/mail/outbox";
import { orderStatusMail } from "@/server/mail/orderMessages";
import { readShopOutbox } from "./orderAdmin";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-shop-outbox-"));
const saved = { DATA_DIR: process.env.DATA_DIR, SMTP_URL: process.env.SMTP_URL };
afterAll(() => {
  Object.assign(process.env, saved);
  resetEnvCache();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the shop's outbox", () => {
  it("shows the shop's admins order mail only, never account mail with its sign-in links", async () => {
    process.env.DATA_DIR = dataDir;
    delete process.env.SMTP_URL;
    resetEnvCache();
    const mailer = createMailer({ outbox: outboxDir(dataDir), from: "Merchboard <no-reply@localhost>" });
    await mailer.send(passwordResetMail("ada@example.com", [{ name: "Ada", createdAt: new Date(), url: "http://localhost:3000/reset-password?token=secret" }]));
    const order = orderStatusMail("shipped", { to: "bo@example.com", orderId: "0a1b2c3d-0000-4000-8000-000000000000", total: 2800, currency: "USD", items: [], link: "http://localhost:3000/orders/0a1b" })!;
    await mailer.send(order);
    const { smtp, messages } = await readShopOutbox();
    expect(smtp).toBe(false);
    expect(messages.map((m) => [m.to, m.subject])).toEqual([["bo@example.com", "Your Merchboard order has shipped"]]);
  });
});
