const PALETTE = ["#7950f2", "#e64980", "#12b886", "#fd7e14", "#228be6", "#fab005", "#15aabf", "#be4bdb", "#82c91e", "#fa5252"];

/** A stable presence colour per user. */
export function userColor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 33 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
