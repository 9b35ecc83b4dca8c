/** The pixels of `open` (1s) reachable from the image's border through other open pixels, 4-connected. */
export function reachableFromBorder(open: Uint8Array, width: number, height: number): Uint8Array {
  const seen = new Uint8Array(open.length);
  const stack: number[] = [];
  const push = (i: number) => {
    if (open[i] && !seen[i]) {
      seen[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < width; x++) push(x), push((height - 1) * width + x);
  for (let y = 0; y < height; y++) push(y * width), push(y * width + width - 1);
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % width;
    if (x > 0) push(i - 1);
    if (x < width - 1) push(i + 1);
    if (i >= width) push(i - width);
    if (i < width * (height - 1)) push(i + width);
  }
  return seen;
}
