"""Builds the training set: Noto Color Emoji bitmaps paired with CLDR names and keywords."""
import io
import random
import unicodedata
import xml.etree.ElementTree as ET

import numpy as np
from fontTools.ttLib import TTFont
from PIL import Image

FONT = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"
CLDR = "/usr/share/unicode/cldr/common"
EMOJI_TEST = "/usr/share/unicode/emoji/emoji-test.txt"
VS16 = "\ufe0f"


# The short names people type for a few flags whose CLDR names are long ("flag of korea").
COUNTRY_ALIASES = {
    "South Korea": ("Korea",),
    "United States": ("USA", "America", "US"),
    "United Kingdom": ("UK", "Britain", "Great Britain"),
}


def read_annotations():
    """emoji string -> (name, keywords) from CLDR annotations and annotationsDerived."""
    out = {}
    for sub in ("annotations", "annotationsDerived"):
        root = ET.parse(f"{CLDR}/{sub}/en.xml").getroot()
        for node in root.iter("annotation"):
            cp = node.get("cp")
            entry = out.setdefault(cp, {"name": None, "keywords": []})
            if node.get("type") == "tts":
                entry["name"] = node.text.strip()
            else:
                entry["keywords"] = [k.strip() for k in node.text.split("|") if k.strip()]
    return {cp: e for cp, e in out.items() if e["name"]}


def read_groups():
    """emoji string (without VS16) -> Unicode/CLDR emoji group."""
    groups, group = {}, None
    with open(EMOJI_TEST, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# group:"):
                group = line.split(":", 1)[1].strip()
            elif line and not line.startswith("#") and ";" in line:
                codes = line.split(";")[0].split()
                s = "".join(chr(int(c, 16)) for c in codes)
                groups.setdefault(s.replace(VS16, ""), group)
    return groups


class GlyphFinder:
    """Maps an emoji string to the font's glyph, following GSUB ligatures for sequences."""

    def __init__(self, font):
        self.cmap = font.getBestCmap()
        self.ligatures = {}
        for lookup in font["GSUB"].table.LookupList.Lookup:
            for st in lookup.SubTable:
                if st.LookupType == 7:
                    st = st.ExtSubTable
                if getattr(st, "LookupType", None) != 4:
                    continue
                for first, ligs in st.ligatures.items():
                    for lig in ligs:
                        self.ligatures[(first, *lig.Component)] = lig.LigGlyph

    def find(self, s):
        for cand in (s, s.replace(VS16, "")):
            names = [self.cmap.get(ord(c)) for c in cand]
            if any(n is None for n in names):
                continue
            if len(names) == 1:
                return names[0]
            glyph = self.ligatures.get(tuple(names))
            if glyph:
                return glyph
        return None


def to_square_rgb(png_bytes, size):
    img = Image.open(io.BytesIO(png_bytes)).convert("RGBA")
    side = max(img.size)
    canvas = Image.new("RGBA", (side, side), (255, 255, 255, 255))
    canvas.alpha_composite(img, ((side - img.width) // 2, (side - img.height) // 2))
    return np.asarray(canvas.convert("RGB").resize((size, size), Image.LANCZOS), dtype=np.uint8)


def build(size=64, limit=None, seed=0):
    font = TTFont(FONT)
    strike = font["CBDT"].strikeData[0]
    finder = GlyphFinder(font)
    groups = read_groups()
    items, by_glyph = [], {}
    for cp, entry in sorted(read_annotations().items()):
        glyph = finder.find(cp)
        if glyph is None or glyph not in strike:
            continue
        if glyph in by_glyph:
            by_glyph[glyph]["names"].append(entry["name"])
            continue
        data = getattr(strike[glyph], "imageData", None)
        if not data:
            continue
        group = groups.get(cp.replace(VS16, ""), "Component")
        by_glyph[glyph] = {"emoji": cp, "names": [entry["name"]], "keywords": entry["keywords"],
                           "group": group, "image": to_square_rgb(data, size)}
        items.append(by_glyph[glyph])
    for it in items:
        # A few territories fly their country's flag, and the font draws both with one glyph
        # ("flag: U.S. Outlying Islands" is "flag: United States"); the country's name is the shortest.
        it["name"] = min(it["names"], key=len)
    rng = random.Random(seed)
    rng.shuffle(items)
    if limit:
        items = items[:limit]
    n_held = max(1, len(items) // 20)
    for i, it in enumerate(items):
        it["split"] = "heldout" if i < n_held else "train"
    return items


def clean(text):
    return unicodedata.normalize("NFKC", text).lower()


def train_caption(item, rng):
    """A training caption: the name, optionally with a few keywords, in one of a few phrasings."""
    kws = [k for k in item["keywords"] if clean(k) != clean(item["name"])]
    picked = rng.sample(kws, k=min(len(kws), rng.randint(0, 3)))
    base = rng.choice(item["names"])
    if base.startswith("flag: "):
        # People write "flag of korea" or "korea flag", not CLDR's "flag: South Korea". The short
        # name gets half the captions: were it rarer, "korea" would mean the always-named North Korea.
        country = base[len("flag: "):]
        aliases = COUNTRY_ALIASES.get(country, ())
        if aliases and rng.random() < 0.5:
            country = rng.choice(aliases)
        if rng.random() < 0.5:
            base = rng.choice([f"flag of {country}", f"{country} flag"])
        else:
            base = f"flag: {country}"
    r = rng.random()
    if r < 0.15:
        base = f"{base} emoji"
    elif r < 0.25:
        base = f"emoji of {base}"
    return clean(", ".join([base, *picked]))


def sample_weight(item, tone_weight, flag_weight):
    """How often an emoji is drawn into a batch, relative to a plain one.

    Skin-tone variants are half the data; drawn at full rate they starve the emoji that have no
    variants. Flags all share one waving shape and differ only in fine detail, so they need more
    looks than their share to be told apart.
    """
    if "skin tone" in item["name"]:
        return tone_weight
    return flag_weight if item["name"].startswith("flag: ") else 1.0


def eval_caption(item):
    """A phrasing never used in training."""
    return clean(f"a picture of {item['name']}")
