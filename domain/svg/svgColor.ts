const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  pink: "#ffc0cb",
  brown: "#a52a2a",
  transparent: "none",
};

const hex2 = (n: number) => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, "0");

/**
 * A paint value as lowercase "#rrggbb", "none", or a local reference "url(#id)"; null when it is
 * anything else (another document's URL, a CSS function we do not draw).
 */
export function normalisePaint(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  if (v === "none") return "none";
  const ref = /^url\(\s*['"]?#([\w.:-]+)['"]?\s*\)$/.exec(v);
  if (ref) return `url(#${ref[1]})`;
  return normaliseColor(v);
}

/** A colour as lowercase "#rrggbb" (or "none"); null when it is not one we know. */
export function normaliseColor(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`;
  const rgb = /^rgb\(\s*(\d{1,3}%?)\s*,\s*(\d{1,3}%?)\s*,\s*(\d{1,3}%?)\s*\)$/.exec(v);
  if (rgb) {
    const channel = (c: string) => (c.endsWith("%") ? (Number(c.slice(0, -1)) * 255) / 100 : Number(c));
    return `#${hex2(channel(rgb[1]!))}${hex2(channel(rgb[2]!))}${hex2(channel(rgb[3]!))}`;
  }
  return NAMED[v] ?? null;
}
