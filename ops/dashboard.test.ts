import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RoomRegistry } from "@/server/collab/rooms";
import { watchCollab } from "@/server/metrics/collabMetrics";
import { watchDatabase } from "@/server/metrics/dbMetrics";
import { metrics } from "@/server/metrics/registry";
import "@/server/metrics/trpcMetrics";
import "@/server/metrics/storageMetrics";
import type { Db } from "@/db/client";

describe("the Grafana dashboard", () => {
  it("queries only metrics the app exports", () => {
    // Registers the metrics read at scrape time; nothing is scraped here, so they need no database or rooms.
    watchDatabase({} as Db);
    watchCollab({} as RoomRegistry);
    const exported = new Set(metrics.getMetricsAsArray().map((m) => (m as unknown as { name: string }).name));
    const dashboard = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "grafana-dashboard.json"), "utf8")) as { panels: { targets: { expr: string }[] }[] };
    const used = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => [...t.expr.matchAll(/merchboard_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, "")))));
    expect(used.size).toBeGreaterThan(10);
    for (const name of used) expect(exported, name).toContain(name);
  });
});
