import { randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/**
 * A page address from the title ("Night Owl Tee" → "night-owl-tee-k3x9q2", "밤 부엉이 티셔츠" →
 * "밤-부엉이-티셔츠-k3x9q2"): readable, and unique by its tail. Accents come off Latin letters;
 * Hangul stays whole (decomposing it for that would leave loose jamo, so it is recomposed).
 */
export function makeSlug(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^a-z0-9\p{Script=Hangul}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const cut = [...words].slice(0, 48).join("").replace(/-+$/, "");
  const tail = [...randomBytes(6)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return cut ? `${cut}-${tail}` : tail;
}
