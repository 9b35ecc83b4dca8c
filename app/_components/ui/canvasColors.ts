const PAIRS: [string, string][] = [
  ["#7950f2", "#f06595"],
  ["#4c6ef5", "#15aabf"],
  ["#12b886", "#82c91e"],
  ["#fd7e14", "#fab005"],
  ["#e64980", "#be4bdb"],
  ["#228be6", "#7950f2"],
];

/** A stable cover gradient per canvas until canvases have thumbnails. */
export function canvasColors(id: string): [string, string] {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PAIRS[h % PAIRS.length]!;
}
