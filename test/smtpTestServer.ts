import net from "node:net";
import type { AddressInfo } from "node:net";

export type ReceivedMail = { from: string; to: string[]; data: string };

/**
 * A small SMTP server for tests: it speaks the plain dialogue (EHLO, MAIL, RCPT, DATA, QUIT),
 * offers no TLS or authentication, and keeps every message it receives.
 */
export async function startSmtpTestServer() {
  const received: ReceivedMail[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let mail: ReceivedMail = { from: "", to: [], data: "" };
    let inData = false;
    const say = (line: string) => socket.write(`${line}\r\n`);
    say("220 test.smtp ready");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(mail);
            mail = { from: "", to: [], data: "" };
            say("250 queued");
          } else mail.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") say("250 test.smtp");
        else if (verb === "MAIL") (mail.from = line.replace(/^MAIL FROM:\s*/i, "").split(" ")[0]!), say("250 ok");
        else if (verb === "RCPT") (mail.to.push(line.replace(/^RCPT TO:\s*/i, "")), say("250 ok"));
        else if (verb === "DATA") (inData = true), say("354 go on");
        else if (verb === "QUIT") (say("221 bye"), socket.end());
        else if (verb === "RSET" || verb === "NOOP") say("250 ok");
        else say("502 not here");
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}
