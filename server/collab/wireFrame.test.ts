import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer, type ServerOptions } from "ws";
import { sendFramed, type Connection } from "./connection";
import { rawStream, wireFrame } from "./wireFrame";

/** A real server socket and the real client at its other end. */
async function pair(serverOptions: ServerOptions = {}, clientOptions: WebSocket.ClientOptions = {}) {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1", ...serverOptions });
  servers.push(wss);
  await new Promise<void>((resolve) => wss.once("listening", resolve));
  const accepted = new Promise<WebSocket>((resolve) => wss.once("connection", resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, clientOptions);
  const received: Buffer[] = [];
  client.on("message", (data: Buffer) => received.push(data));
  await new Promise<void>((resolve) => client.once("open", () => resolve()));
  return { server: await accepted, client, received };
}

/** The fields of a room's connection that sending reads. */
const connection = (socket: WebSocket, maxBufferedBytes = 64 * 1024 * 1024) => ({ socket, maxBufferedBytes }) as Connection;

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const wss of servers.splice(0)) {
    for (const ws of wss.clients) ws.terminate();
    await new Promise((resolve) => wss.close(resolve));
  }
});

describe("a message framed once for many sockets", () => {
  it("reaches each client whole at every length the header encodes, in order with what ws sends itself", async () => {
    const clients = await Promise.all([pair(), pair()]);
    // The ws version we pin keeps its TCP socket where rawStream looks: a release that moves it fails here, not silently.
    for (const { server } of clients) expect(rawStream(server)).not.toBeNull();
    const sizes = [0, 1, 125, 126, 65_535, 65_536, 300_000];
    for (const [i, n] of sizes.entries()) {
      const message = bytes(n, i + 1);
      const frame = wireFrame(message);
      for (const { server } of clients) {
        sendFramed(connection(server), message, frame);
        server.send(bytes(3, 0xee)); // a frame of ws's own between ours
      }
    }
    for (const { received } of clients) {
      await expect.poll(() => received.length).toBe(sizes.length * 2);
      expect(received.map((m) => m.length)).toEqual(sizes.flatMap((n) => [n, 3]));
      for (const [i] of sizes.entries()) {
        expect(received[2 * i]!.every((b) => b === i + 1)).toBe(true);
        expect([...received[2 * i + 1]!]).toEqual([0xee, 0xee, 0xee]);
      }
    }
  });

  it("goes through ws on a compressed connection, so it cannot overtake a message still being compressed", async () => {
    const deflate = { perMessageDeflate: { threshold: 0 } };
    const { server, received } = await pair(deflate, deflate);
    expect(server.extensions).toContain("permessage-deflate");
    server.send(bytes(1_000_000, 7)); // queued in ws while zlib works on it
    const message = bytes(10, 9);
    sendFramed(connection(server), message, wireFrame(message));
    await expect.poll(() => received.length).toBe(2);
    expect(received.map((m) => m.length)).toEqual([1_000_000, 10]);
  });

  it("cuts off a socket that stops reading once what waits for it passes the limit", async () => {
    const { server, client } = await pair();
    (client as unknown as { _socket: { pause(): void } })._socket.pause();
    const limit = 4 * 1024 * 1024;
    const message = bytes(64 * 1024, 1);
    const frame = wireFrame(message);
    let written = 0;
    const conn = connection(server, limit);
    while (server.readyState === server.OPEN && written < 256 * 1024 * 1024) {
      sendFramed(conn, message, frame);
      written += frame.length;
      if (written % (1024 * 1024) === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(server.readyState).not.toBe(server.OPEN);
    // What waited in our process, past what the kernel's buffers for the connection took.
    expect(written).toBeLessThan(limit + 64 * 1024 * 1024);
  });
});
