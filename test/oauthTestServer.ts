import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

type Profile = Record<string, unknown>;

/**
 * A small OAuth 2.0 authorization server for tests: authorize → code (bound to the PKCE
 * challenge), token (checks client secret and code_verifier), userinfo (bearer token).
 */
export async function startOAuthTestServer(opts: { clientId: string; clientSecret: string; profile: () => Profile }) {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const tokens = new Map<string, Profile>();
  const seen: { authorize: URLSearchParams[] } = { authorize: [] };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    if (url.pathname === "/authorize") {
      seen.authorize.push(url.searchParams);
      const code = randomBytes(12).toString("hex");
      codes.set(code, { challenge: url.searchParams.get("code_challenge") ?? "", redirectUri: url.searchParams.get("redirect_uri") ?? "" });
      const back = new URL(url.searchParams.get("redirect_uri")!);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === "/token" && req.method === "POST") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const basic = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
      const entry = codes.get(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (basic !== `${opts.clientId}:${opts.clientSecret}` || !entry || entry.challenge !== challenge || entry.redirectUri !== form.get("redirect_uri")) {
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "invalid_grant" }));
        return;
      }
      codes.delete(form.get("code")!);
      const accessToken = randomBytes(16).toString("hex");
      tokens.set(accessToken, opts.profile());
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ access_token: accessToken, token_type: "Bearer", expires_in: 3600 }));
      return;
    }
    if (url.pathname === "/userinfo") {
      const profile = tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
      res.writeHead(profile ? 200 : 401, { "content-type": "application/json" }).end(JSON.stringify(profile ?? { error: "invalid_token" }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}
