import { describe, expect, it } from "vitest";
import { chosenRole } from "./role";

const shared = { DATABASE_URL: "postgres://db/merchboard", S3_ENDPOINT: "http://minio:9000", SHOP_SECRET: "a-secret-of-at-least-thirty-two-characters" };

describe("start roles", () => {
  it("runs everything by default, one role when asked on the command line or in ROLE", () => {
    expect(chosenRole([], {})).toBe("all");
    expect(chosenRole(["--role", "web"], shared)).toBe("web");
    expect(chosenRole(["--role=worker"], shared)).toBe("worker");
    expect(chosenRole([], { ...shared, ROLE: "worker" })).toBe("worker");
    expect(chosenRole(["--role", "web"], { ...shared, ROLE: "worker" })).toBe("web");
  });

  it("refuses an unknown role, and a single role without a shared Postgres, S3 and shop secret", () => {
    expect(() => chosenRole(["--role", "scheduler"], shared)).toThrow(/Unknown role scheduler/);
    expect(() => chosenRole(["--role", "web"], { DATABASE_URL: shared.DATABASE_URL, SHOP_SECRET: shared.SHOP_SECRET })).toThrow(/set S3_ENDPOINT$/);
    expect(() => chosenRole(["--role", "web"], { DATABASE_URL: shared.DATABASE_URL, S3_ENDPOINT: shared.S3_ENDPOINT })).toThrow(/set SHOP_SECRET$/);
    expect(() => chosenRole(["--role", "worker"], {})).toThrow(/set DATABASE_URL, S3_ENDPOINT, SHOP_SECRET$/);
  });
});
