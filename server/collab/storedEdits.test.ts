import { describe, expect, it } from "vitest";
import { StoredEdits, type StoredRun } from "./storedEdits";

/** Lets settled statements be seen (a microtask) and the turn that hands them on run. */
const turn = async () => {
  await Promise.resolve();
  await new Promise((r) => setImmediate(r));
};

function deferred() {
  let resolve!: (ids: number[]) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<number[]>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function outbox() {
  const runs: { run: StoredRun<string>; failure: unknown }[] = [];
  const edits = new StoredEdits<string>((run, failure) => runs.push({ run, failure: failure?.error ?? null }));
  return { edits, runs };
}

describe("stored edits", () => {
  it("hands on edits in the order they arrived, whatever order their statements finish in", async () => {
    const { edits, runs } = outbox();
    const first = deferred();
    const second = deferred();
    edits.add(first.promise, "a");
    edits.add(first.promise, "b");
    edits.add(second.promise, "c");
    second.resolve([3]);
    await turn();
    expect(runs).toEqual([]);
    expect(edits.size).toBe(2);
    first.resolve([1, 2]);
    await turn();
    expect(runs).toEqual([{ run: { edits: ["a", "b", "c"], ids: [1, 2, 3] }, failure: null }]);
    expect(edits.size).toBe(0);
  });

  it("hands on statements that finish in one turn together, and the next turn's apart", async () => {
    const { edits, runs } = outbox();
    const [a, b, c] = [deferred(), deferred(), deferred()];
    edits.add(a.promise, "a");
    edits.add(b.promise, "b");
    edits.add(c.promise, "c");
    a.resolve([1]);
    b.resolve([2]);
    await turn();
    c.resolve([3]);
    await turn();
    expect(runs.map((r) => r.run.edits)).toEqual([["a", "b"], ["c"]]);
  });

  it("ends a run at a failed statement and goes on behind it", async () => {
    const { edits, runs } = outbox();
    const [a, b, c] = [deferred(), deferred(), deferred()];
    edits.add(a.promise, "a");
    edits.add(b.promise, "b");
    edits.add(c.promise, "c");
    const failure = new Error("storage");
    a.resolve([1]);
    b.reject(failure);
    c.resolve([3]);
    await turn();
    expect(runs).toEqual([
      { run: { edits: ["a"], ids: [1] }, failure },
      { run: { edits: ["c"], ids: [3] }, failure: null },
    ]);
  });
});
