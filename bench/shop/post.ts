import http from "node:http";

/** One JSON POST on a keep-alive agent: its status, body and milliseconds taken. */
export function postJson(agent: http.Agent, url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string; ms: number; setCookie: string[] }> {
  const data = JSON.stringify(body);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - t0, setCookie: res.headers["set-cookie"] ?? [] }));
    });
    req.on("error", reject);
    req.end(data);
  });
}
