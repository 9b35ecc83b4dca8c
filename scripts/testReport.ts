/**
 * Reads what a test runner reported and how it exited, and counts it so that a run cannot pass
 * by accident: a runner that exits non-zero, says `success: false`, reports errors outside any
 * test (a web server that never started, a spec that failed to load, a global setup that threw)
 * or ran no tests at all fails the run, whatever its counts say.
 */

export type SuiteSummary = { name: string; passed: number; failed: number; skipped: number; problems: string[] };

export type VitestReport = {
  success?: boolean;
  numTotalTests?: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults: { name?: string; status: string; message?: string; assertionResults: { status: string }[] }[];
};

export type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: { message?: string }[];
};

/** Problems become failures: at least one each, so a count of zero failed is never printed for a broken run. */
function finish(s: SuiteSummary, counted: number): SuiteSummary {
  const extra = Math.max(0, s.problems.length - counted);
  return { ...s, failed: s.failed + extra };
}

export function summariseVitest(report: VitestReport | null, exitCode: number | null): SuiteSummary {
  const s: SuiteSummary = { name: "vitest", passed: 0, failed: 0, skipped: 0, problems: [] };
  if (!report) {
    s.problems.push(`no report (exit code ${exitCode})`);
    return finish(s, 0);
  }
  s.passed = report.numPassedTests;
  s.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that fails before its tests run (a setup error) counts as one failure.
  const broken = report.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"));
  s.failed = report.numFailedTests + broken.length;
  for (const f of broken) s.problems.push(`${f.name ?? "a test file"} failed outside its tests: ${(f.message ?? "").split("\n")[0]}`);
  const counted = s.problems.length;
  const total = report.numTotalTests ?? s.passed + s.failed + s.skipped;
  if (total === 0) s.problems.push("no tests ran");
  if (report.success === false && s.failed === 0) s.problems.push("the report says it did not succeed");
  if (exitCode !== 0 && s.failed === 0) s.problems.push(`vitest exited with code ${exitCode}`);
  return finish(s, counted);
}

export function summarisePlaywright(report: PlaywrightReport | null, exitCode: number | null): SuiteSummary {
  const s: SuiteSummary = { name: "playwright", passed: 0, failed: 0, skipped: 0, problems: [] };
  if (!report) {
    s.problems.push(`no report (exit code ${exitCode})`);
    return finish(s, 0);
  }
  s.passed = report.stats.expected + report.stats.flaky;
  s.failed = report.stats.unexpected;
  s.skipped = report.stats.skipped;
  for (const e of report.errors ?? []) s.problems.push(`error outside the tests: ${(e.message ?? "").split("\n")[0]}`);
  if (s.passed + s.failed + s.skipped === 0) s.problems.push("no tests ran");
  if (exitCode !== 0 && s.failed === 0 && !s.problems.length) s.problems.push(`playwright exited with code ${exitCode}`);
  return finish(s, 0);
}
