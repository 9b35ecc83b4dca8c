import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { chosenRole } from "@/scripts/role";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

type Service = { image?: string; build?: string; environment?: Record<string, string>; depends_on?: unknown; volumes?: string[] };

/**
 * Containers cannot run on the machines the tests run on, so the compose file is checked for what
 * the same topology run as plain processes (scripts/scaleOut.test.ts) relies on.
 */
describe("compose.yaml, the Dockerfile and the proxy", () => {
  const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, Service> };
  const services = compose.services;

  it("runs two web processes behind the proxy, two workers, Postgres and MinIO, each app process a role of one image", () => {
    expect(Object.keys(services).sort()).toEqual(["minio", "postgres", "proxy", "web1", "web2", "worker1", "worker2"]);
    const roles = Object.fromEntries(Object.entries(services).filter(([, s]) => s.build).map(([name, s]) => [name, s.environment?.ROLE]));
    expect(roles).toEqual({ web1: "web", web2: "web", worker1: "worker", worker2: "worker" });
    for (const name of Object.keys(roles)) {
      const env = services[name]!.environment!;
      // What a role needs to start (scripts/role.ts), and every app process the same values.
      expect(chosenRole([], env)).toBe(roles[name]);
      expect(env.S3_ENDPOINT).toBe("http://minio:9000");
      expect(env.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(env).toEqual({ ...services.web1!.environment, ROLE: roles[name] });
    }
    const minio = services.minio!.environment!;
    expect([minio.MINIO_ROOT_USER, minio.MINIO_ROOT_PASSWORD]).toEqual([services.web1!.environment!.S3_ACCESS_KEY_ID, services.web1!.environment!.S3_SECRET_ACCESS_KEY]);
  });

  it("has the proxy balance over both web processes, keep each canvas's sockets on one, carry socket upgrades and the request id, and hide /metrics", () => {
    const nginx = read("ops/nginx.conf");
    expect(services.proxy!.volumes).toContain("./ops/nginx.conf:/etc/nginx/conf.d/default.conf:ro");
    expect(nginx).toMatch(/server web1:3000/);
    expect(nginx).toMatch(/server web2:3000/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade/);
    // A canvas's sockets meet on one process (bench:scale: edits that cross processes cost about twice the CPU).
    expect(nginx).toMatch(/upstream merchboard_collab \{\s*hash \$uri consistent;/);
    expect(nginx).toMatch(/location \/collab\/ \{\s*proxy_pass http:\/\/merchboard_collab;/);
    expect(nginx).toMatch(/proxy_set_header X-Request-Id \$request_id/);
    expect(nginx).toMatch(/location = \/metrics \{ return 404; \}/);
    expect(services.web1!.environment!.TRUST_PROXY).toBe("1");
  });

  it("builds the image that npm start runs, with the start bundle as its command", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toMatch(/npx next build && npm run bundle/);
    expect(dockerfile).toMatch(/CMD \["node", "\.build\/scripts\/start\.mjs"\]/);
    expect(read(".dockerignore")).toMatch(/^\.data$/m);
  });
});
