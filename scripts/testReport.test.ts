import { describe, expect, it } from "vitest";
import { summarisePlaywright, summariseVitest, type VitestReport } from "./testReport";

const vitest = (over: Partial<VitestReport> = {}): VitestReport => ({
  success: true,
  numTotalTests: 3,
  numPassedTests: 2,
  numFailedTests: 0,
  numPendingTests: 1,
  numTodoTests: 0,
  testResults: [{ name: "a.test.ts", status: "passed", assertionResults: [{ status: "passed" }, { status: "passed" }, { status: "skipped" }] }],
  ...over,
});

describe("summariseVitest", () => {
  it("counts passed, failed and skipped tests of a clean run", () => {
    expect(summariseVitest(vitest(), 0)).toEqual({ name: "vitest", passed: 2, failed: 0, skipped: 1, problems: [] });
  });

  it("fails a run whose global setup threw: no tests, success false, exit 1", () => {
    // What vitest 4 writes when test/globalSetup.ts throws (Postgres or S3 not starting).
    const s = summariseVitest({ success: false, numTotalTests: 0, numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [] }, 1);
    expect(s.failed).toBeGreaterThan(0);
    expect(s.problems).toContain("no tests ran");
  });

  it("fails on a non-zero exit code even when every counted test passed", () => {
    expect(summariseVitest(vitest(), 1)).toMatchObject({ passed: 2, failed: 1, problems: ["vitest exited with code 1"] });
  });

  it("counts a file that failed before its tests as one failure, and a missing report as one", () => {
    const s = summariseVitest(vitest({ success: false, testResults: [{ name: "b.test.ts", status: "failed", message: "boom\nstack", assertionResults: [] }] }), 1);
    expect(s).toMatchObject({ failed: 1, problems: ["b.test.ts failed outside its tests: boom"] });
    expect(summariseVitest(null, 1)).toMatchObject({ passed: 0, failed: 1 });
  });
});

describe("summarisePlaywright", () => {
  it("counts flaky tests as passed and skipped ones apart", () => {
    expect(summarisePlaywright({ stats: { expected: 5, unexpected: 1, flaky: 1, skipped: 2 }, errors: [] }, 1)).toEqual({ name: "playwright", passed: 6, failed: 1, skipped: 2, problems: [] });
  });

  it("fails a run whose web server never started: zero tests and the failure only in errors[]", () => {
    const s = summarisePlaywright({ stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: "Error: Process from config.webServer exited early." }] }, 1);
    expect(s.failed).toBeGreaterThanOrEqual(1);
    expect(s.problems[0]).toContain("config.webServer exited early");
  });

  it("fails a spec that did not load, even when the other specs passed", () => {
    const s = summarisePlaywright({ stats: { expected: 4, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: "SyntaxError in e2e/x.spec.ts" }] }, 1);
    expect(s).toMatchObject({ passed: 4, failed: 1 });
  });

  it("fails on a non-zero exit with nothing else wrong, and on a missing report", () => {
    expect(summarisePlaywright({ stats: { expected: 1, unexpected: 0, flaky: 0, skipped: 0 }, errors: [] }, 1).failed).toBe(1);
    expect(summarisePlaywright(null, 0).failed).toBe(1);
  });
});
