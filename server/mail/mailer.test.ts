import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpTestServer } from "@/test/smtpTestServer";
import { createMailer } from "./mailer";
import { passwordResetMail } from "./messages";

let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-outbox-"));
beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await smtp.close();
  fs.rmSync(outbox, { recursive: true, force: true });
});

/** The body as written, from quoted-printable (soft line breaks and =XX escapes). */
const unquote = (data: string) => data.replace(/=\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe("the mailer", () => {
  it("sends over SMTP when SMTP_URL is set, and writes nothing to the outbox", async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, outbox, from: "Merchboard <no-reply@merch.example>" });
    await mailer.send(passwordResetMail("ada@example.com", [{ name: "Ada <admin>", createdAt: new Date(), url: "https://merch.example/reset-password?token=abc" }]));
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.from).toBe("<no-reply@merch.example>");
    expect(mail!.to).toEqual(["<ada@example.com>"]);
    expect(mail!.data).toMatch(/^Subject: Reset your Merchboard password$/m);
    expect(unquote(mail!.data)).toContain("https://merch.example/reset-password?token=abc");
    // The name is text in the HTML part, not markup.
    expect(unquote(mail!.data)).toContain("<p>Hello Ada &#60;admin&#62;,</p>");
    expect(fs.readdirSync(outbox)).toEqual([]);
  });

  it("without SMTP_URL, keeps each message in the outbox as .eml and .json", async () => {
    const mailer = createMailer({ outbox, from: "Merchboard <no-reply@localhost>" });
    await mailer.send(passwordResetMail("bo@example.com", [{ name: "Bo", createdAt: new Date(), url: "http://localhost:3000/reset-password?token=xyz" }]));
    const files = fs.readdirSync(outbox).sort();
    expect(files.map((f) => path.extname(f))).toEqual([".eml", ".json"]);
    const json = JSON.parse(fs.readFileSync(path.join(outbox, files[1]!), "utf8")) as Record<string, string>;
    expect(json).toMatchObject({ to: "bo@example.com", subject: "Reset your Merchboard password" });
    expect(json.text).toContain("http://localhost:3000/reset-password?token=xyz");
    expect(fs.readFileSync(path.join(outbox, files[0]!), "utf8")).toMatch(/^From: Merchboard <no-reply@localhost>$/m);
  });
});
