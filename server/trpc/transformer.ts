import superjson, { type SuperJSONResult } from "superjson";

/**
 * superjson, as the client expects, with a quicker way out for plain answers. Answers are nearly
 * always plain data (objects, arrays, strings, numbers, booleans, null, dates); for those, one
 * pass finds the dates' paths and the value itself is the `json` (JSON.stringify writes a Date as
 * superjson does, as its ISO string), without superjson's copy and per-value bookkeeping, which
 * cost more than the rest of a small query. Anything else is left to superjson.
 */
export const transformer = {
  input: superjson,
  output: {
    serialize: serializeAnswer,
    deserialize: (payload: SuperJSONResult): unknown => superjson.deserialize(payload),
  },
};

/** What superjson.serialize gives (the same meaning, not necessarily the same key order). */
export function serializeAnswer(value: unknown): SuperJSONResult {
  const dates: string[] = [];
  // A date at the root has no path to annotate: superjson writes that one.
  if (value instanceof Date || !walk(value, [], dates, new Set())) return superjson.serialize(value);
  if (!dates.length) return { json: value as SuperJSONResult["json"] };
  const values: Record<string, ["Date"]> = {};
  for (const path of dates) values[path] = ["Date"];
  return { json: value as SuperJSONResult["json"], meta: { values, v: 1 } };
}

/**
 * True when `value` is plain data that superjson would annotate only at its dates (collected in
 * `dates` as superjson writes paths). An object met twice is left to superjson, which records
 * repeated references.
 */
function walk(value: unknown, path: string[], dates: string[], seen: Set<object>): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0); // superjson annotates -0, NaN and ±Infinity
    case "object":
      break;
    default:
      return false; // undefined, bigint, symbol, function
  }
  const object = value as object;
  if (seen.has(object)) return false;
  seen.add(object);
  if (object instanceof Date) {
    if (Number.isNaN(object.getTime()) || Object.hasOwn(object, "toJSON")) return false;
    dates.push(path.join("."));
    return true;
  }
  if (Array.isArray(object)) {
    for (let i = 0; i < object.length; i++) {
      if (!(i in object)) return false;
      path.push(String(i));
      const plain = walk(object[i], path, dates, seen);
      path.pop();
      if (!plain) return false;
    }
    return true;
  }
  if (Object.getPrototypeOf(object) !== Object.prototype) return false;
  for (const key of Object.keys(object)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype" || key === "toJSON") return false;
    path.push(escapeKey(key));
    const plain = walk((object as Record<string, unknown>)[key], path, dates, seen);
    path.pop();
    if (!plain) return false;
  }
  return true;
}

/** superjson's path segment: dots and backslashes escaped. */
function escapeKey(key: string): string {
  return key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key;
}
