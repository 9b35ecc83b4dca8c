"""Training data for the print-ready network: Noto's SVG artwork rendered large with alpha.

The diffusion model learnt the same emoji from the colour font's 136 px bitmaps. Here every emoji
that the diffusion recipe names (`data.build`, same split, so its held-out 5 % stay held out) is
matched to its SVG in `@svgmoji/noto`'s sprite sheet and rendered with cairosvg at the target size
on a transparent background. The 64 px input is the exact 16× box downscale of that render
composited on white, so input and target pixels line up.
"""
import io
import os
import re
import xml.etree.ElementTree as ET
from multiprocessing import Pool

import numpy as np
from PIL import Image

import data

HERE = os.path.dirname(os.path.abspath(__file__))
SPRITE = os.path.join(HERE, "..", "..", "node_modules", "@svgmoji", "noto", "sprites", "all.svg")
VS16 = 0xFE0F
# Noto's square artwork leaves about 4/128 of margin; flags (drawn on wider boxes) get the same.
FILL = 120 / 128


def svg_key(codepoints):
    return tuple(c for c in codepoints if c != VS16)


def read_sprite(path=SPRITE):
    """codepoints without VS16 → standalone SVG text."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out = {}
    for attrs, body in re.findall(r'<svg([^>]*\bid="[0-9A-Fa-f-]+"[^>]*)>(.*?)</svg>', text, re.S):
        ident = re.search(r'\bid="([0-9A-Fa-f-]+)"', attrs).group(1)
        box = re.search(r'viewBox="([^"]+)"', attrs).group(1)
        svg = (f'<svg viewBox="{box}" xmlns="http://www.w3.org/2000/svg" '
               f'xmlns:xlink="http://www.w3.org/1999/xlink">{body}</svg>')
        try:
            ET.fromstring(svg)
        except ET.ParseError:
            continue  # one flag nests an <svg> that this simple split cuts short; it is skipped
        out[svg_key(int(c, 16) for c in ident.split("-"))] = svg
    return out


def render(svg, size):
    """An RGBA uint8 array of `size`², the artwork centred and fitted like the square emoji."""
    import cairosvg
    w, h = (float(v) for v in re.search(r'viewBox="\S+ \S+ (\S+) (\S+)"', svg).groups())
    if w == h:
        png = cairosvg.svg2png(bytestring=svg.encode(), output_width=size, output_height=size)
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))
    scale = size * FILL / max(w, h)
    pw, ph = max(1, round(w * scale)), max(1, round(h * scale))
    png = cairosvg.svg2png(bytestring=svg.encode(), output_width=pw, output_height=ph)
    art = Image.open(io.BytesIO(png)).convert("RGBA")
    canvas = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    canvas.alpha_composite(art, ((size - pw) // 2, (size - ph) // 2))
    return np.asarray(canvas)


def on_white(rgba):
    """float32 RGB in [0, 1] of an RGBA uint8 array composited over white."""
    x = rgba.astype(np.float32) / 255.0
    a = x[..., 3:4]
    return x[..., :3] * a + (1.0 - a)


def box_down(rgb, factor):
    h, w, c = rgb.shape
    return rgb.reshape(h // factor, factor, w // factor, factor, c).mean(axis=(1, 3))


def matched_items(limit=None):
    """data.build()'s emoji that have SVG artwork, each with its SVG and the diffusion split."""
    sprite = read_sprite()
    out = []
    for it in data.build(limit=limit):
        svg = sprite.get(svg_key(ord(c) for c in it["emoji"]))
        if svg:
            out.append({"emoji": it["emoji"], "name": it["name"], "split": it["split"], "svg": svg})
    return out


def _render_one(args):
    svg, size = args
    return render(svg, size)


def build_targets(items, size, path):
    """Renders every item to a uint8 memmap [n, size, size, 4] at `path` (resumable per file)."""
    n = len(items)
    done = f"{path}.done"
    if os.path.exists(done):
        return np.lib.format.open_memmap(path, mode="r")
    mm = np.lib.format.open_memmap(path, mode="w+", dtype=np.uint8, shape=(n, size, size, 4))
    with Pool(2) as pool:
        for i, img in enumerate(pool.imap(_render_one, [(it["svg"], size) for it in items], chunksize=8)):
            mm[i] = img
    mm.flush()
    del mm
    open(done, "w").close()
    return np.lib.format.open_memmap(path, mode="r")


def inputs_from(targets, factor):
    """The clean 64 px inputs: each target on white, box-downscaled."""
    return np.stack([box_down(on_white(t), factor) for t in targets]).astype(np.float32)
