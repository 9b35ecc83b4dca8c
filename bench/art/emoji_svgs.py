"""The Python half of `npm run bench:art`: emoji of one split of the diffusion recipe, as files.

    /usr/bin/python3 bench/art/emoji_svgs.py <out_dir> [--split heldout|train] [--limit N]

Writes <out_dir>/<i>-input.png (the 64 px input on white, made as the print-ready recipe makes it)
and <i>.svg (the emoji's SVG, its viewBox squared so that any renderer places the art as the
recipe's render does), then prints one JSON line with the count and the names.
"""
import argparse
import json
import os
import re
import sys

import numpy as np
from PIL import Image

RECIPE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "worker", "recipe")
sys.path.insert(0, RECIPE)
import upscale_data  # noqa: E402
from upscale_net import SCALE  # noqa: E402


def squared(svg):
    """The SVG with a square viewBox around its art, which fills FILL of it when it is not square."""
    x, y, w, h = (float(v) for v in re.search(r'viewBox="(\S+) (\S+) (\S+) (\S+)"', svg).groups())
    if w == h:
        return svg
    side = max(w, h) / upscale_data.FILL
    box = f"{x - (side - w) / 2:g} {y - (side - h) / 2:g} {side:g} {side:g}"
    return re.sub(r'viewBox="[^"]+"', f'viewBox="{box}"', svg, count=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--split", choices=["heldout", "train"], default="heldout")
    ap.add_argument("--limit", type=int, default=0, help="at most this many emoji (0: all)")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    items = [it for it in upscale_data.matched_items() if it["split"] == args.split]
    if args.limit:
        items = items[:args.limit]
    for i, it in enumerate(items):
        target = upscale_data.render(it["svg"], 64 * SCALE)
        x = upscale_data.box_down(upscale_data.on_white(target), SCALE)
        Image.fromarray((x * 255).round().clip(0, 255).astype(np.uint8)).save(f"{args.out_dir}/{i}-input.png")
        with open(f"{args.out_dir}/{i}.svg", "w", encoding="utf-8") as f:
            f.write(squared(it["svg"]))
    print(json.dumps({"count": len(items), "names": [it["name"] for it in items]}))


if __name__ == "__main__":
    main()
