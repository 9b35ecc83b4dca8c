/** One cookie's value from a Cookie header, or null (also when it is not valid percent-encoding). */
export function readCookie(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("=")) || null;
    } catch {
      return null;
    }
  }
  return null;
}
