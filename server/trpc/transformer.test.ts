import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeAnswer } from "./transformer";

/** What the client reads: the same value and the same annotations as superjson's own output. */
function expectLikeSuperjson(value: unknown) {
  const ours = JSON.parse(JSON.stringify(serializeAnswer(value)));
  const theirs = JSON.parse(JSON.stringify(superjson.serialize(value)));
  expect(ours).toEqual(theirs);
  expect(superjson.deserialize(ours)).toEqual(superjson.deserialize(theirs));
}

const at = (ms: number) => new Date(ms);

describe("answer serializer", () => {
  it("writes plain answers as superjson does, dates annotated by path", () => {
    expectLikeSuperjson([
      { id: "a", name: "Canvas", role: "owner", memberCount: 1, createdAt: at(0), updatedAt: at(1) },
      { id: "b", name: "Other", role: "viewer", memberCount: 3, createdAt: at(2), updatedAt: at(3) },
    ]);
    expectLikeSuperjson({ nested: { list: [at(5), { when: at(6) }, [at(7)]] }, flag: true, none: null, n: 0 });
    expectLikeSuperjson({ "a.b": { "c\\d": at(8) }, "": at(9) });
    expectLikeSuperjson([]);
    expectLikeSuperjson({});
    expectLikeSuperjson("text");
    expectLikeSuperjson(42);
    expectLikeSuperjson(null);
    expectLikeSuperjson({ list: [[{ date: at(10) }, at(11)], at(12)] });
  });

  it("leaves everything else to superjson", () => {
    const shared = { x: 1 };
    const sameDate = at(13);
    const cases: unknown[] = [
      undefined,
      at(14),
      { missing: undefined },
      [1, undefined],
      { big: 10n },
      { nan: NaN, inf: Infinity, negativeZero: -0 },
      { invalid: new Date(NaN) },
      { map: new Map([["k", at(15)]]), set: new Set([1]) },
      { error: new Error("nope") },
      { regexp: /x/g },
      { left: shared, right: shared },
      { createdAt: sameDate, updatedAt: sameDate },
      { bare: Object.assign(Object.create(null), { a: at(16) }) },
      { instance: new URL("https://example.com/") },
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
    ];
    for (const value of cases) expectLikeSuperjson(value);
  });

  it("refuses what superjson refuses", () => {
    const polluted = JSON.parse('{"__proto__": {"a": 1}}');
    expect(() => serializeAnswer(polluted)).toThrow(/prototype pollution/);
  });
});
