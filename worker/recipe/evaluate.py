"""Measures prompt-following with autoencoder-latent retrieval, times sampling, writes the sample grid."""
import random
import time

import numpy as np
import torch
from PIL import Image, ImageDraw

import data
from diffusion import sample_ddim

GRID_PROMPTS = ["red heart", "cat face", "pizza", "rocket", "smiling face with sunglasses", "flag of korea",
                "fire", "thumbs up", "birthday cake", "sun", "ghost", "rainbow", "unicorn", "dog face",
                "crown", "cherries"]


def to_pixels(x):
    return ((x.clamp(-1, 1) + 1) * 127.5).round().byte().permute(0, 2, 3, 1).numpy()


def embed(enc, x):
    with torch.no_grad():
        z = torch.cat([enc(x[i:i + 256])[0] for i in range(0, len(x), 256)]).flatten(1)
    return torch.nn.functional.normalize(z - z.mean(1, keepdim=True), dim=1)


@torch.no_grad()
def generate(prompts, tok, text, unet, dec, scale, seed, steps=20, guidance=4.0):
    out = []
    uncond = text(torch.tensor([tok.encode("")]))
    for i in range(0, len(prompts), 16):
        chunk = prompts[i:i + 16]
        cond = text(torch.tensor([tok.encode(p) for p in chunk]))
        g = torch.Generator().manual_seed(seed + i)
        z = sample_ddim(unet, cond, uncond.repeat(len(chunk), 1, 1), (len(chunk), 4, 16, 16), steps, guidance, g)
        out.append(dec(z / scale))
    return torch.cat(out)


def retrieval(gen_emb, real_emb, targets, items):
    sims = gen_emb @ real_emb.T
    top5 = sims.topk(5, dim=1).indices
    hit5 = np.mean([t in row for t, row in zip(targets, top5.tolist())])
    nearest = sims.argmax(1).tolist()
    group = np.mean([items[n]["group"] == items[t]["group"] for n, t in zip(nearest, targets)])
    return float(hit5), float(group)


def grid(images, labels, path):
    cell, caption = 128, 28
    img = Image.new("RGB", (4 * cell, 4 * (cell + caption)), "white")
    draw = ImageDraw.Draw(img)
    for k, (px, label) in enumerate(zip(images, labels)):
        r, c = divmod(k, 4)
        img.paste(Image.fromarray(px).resize((cell, cell), Image.NEAREST), (c * cell, r * (cell + caption)))
        for n, line in enumerate(wrap(draw, label, cell - 8)[:2]):
            draw.text((c * cell + 4, r * (cell + caption) + cell + 2 + 12 * n), line, fill="black")
    img.save(path)


def wrap(draw, text, width):
    """Words in lines no wider than `width` pixels, so long prompts do not run into the next cell."""
    lines = [""]
    for word in text.split():
        joined = f"{lines[-1]} {word}".strip()
        if lines[-1] and draw.textlength(joined) > width:
            lines.append(word)
        else:
            lines[-1] = joined
    return lines


def run(out, items, tok, text, unet, enc, dec, scale, smoke=False, judge=None):
    """Retrieval with the autoencoder's latents and, when a judge encoder is given, with it too."""
    from run import images_tensor
    import judge as judge_mod
    rng = random.Random(7)
    real = images_tensor(items)
    embedders = {"ae_latents": lambda x: embed(enc, x)}
    if judge is not None:
        embedders["judge"] = lambda x: judge_mod.embed(judge, x)
    real_embs = {k: f(real) for k, f in embedders.items()}
    seen = [i for i, it in enumerate(items) if it["split"] == "train"]
    held = [i for i, it in enumerate(items) if it["split"] == "heldout"]
    seen = rng.sample(seen, min(200 if not smoke else 16, len(seen)))
    report = {}
    for name, idx in (("seen_heldout_phrasing", seen), ("heldout_emoji", held)):
        prompts = [data.eval_caption(items[i]) for i in idx]
        gen = generate(prompts, tok, text, unet, dec, scale, seed=1234)
        with torch.no_grad():
            recon = dec(enc(real[idx])[0])
        for k, f in embedders.items():
            hit5, group = retrieval(f(gen), real_embs[k], idx, items)
            c5, cg = retrieval(f(recon), real_embs[k], idx, items)
            entry = {"n": len(idx), "top5": round(hit5, 3), "group": round(group, 3),
                     "ceiling_top5": round(c5, 3), "ceiling_group": round(cg, 3),
                     "chance_top5": round(5 / len(items), 4)}
            # The autoencoder's figures keep their original place in the report.
            if k == "ae_latents":
                report[name] = entry
            else:
                report.setdefault(k, {})[name] = entry
    torch.set_num_threads(2)
    t0 = time.time()
    generate(["red heart"], tok, text, unet, dec, scale, seed=1)
    report["pytorch_seconds_per_image_20_steps"] = round(time.time() - t0, 3)
    imgs = to_pixels(generate(GRID_PROMPTS, tok, text, unet, dec, scale, seed=42))
    grid(imgs, GRID_PROMPTS, f"{out}/samples.png")
    return report
