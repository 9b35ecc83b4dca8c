import { randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/** A page address from the title ("Night Owl Tee" → "night-owl-tee-k3x9q2"): readable, and unique by its tail. */
export function makeSlug(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  const tail = [...randomBytes(6)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return words ? `${words}-${tail}` : tail;
}
