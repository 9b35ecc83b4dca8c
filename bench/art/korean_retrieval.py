"""The Python half of bench/art/koreanRetrieval.ts: the model's group retrieval for the held-out
emoji, prompted with their English CLDR names and with their Korean CLDR names as the product
understood them.

    /usr/bin/python3 bench/art/korean_retrieval.py <understood.json> <model_dir> <cache_dir> [--limit N]

<understood.json> holds lists by name ("korean", "korean_words"), each mapping every emoji (the
CLDR `cp`) to the English that the product made of its Korean name, or null where the product
refuses the name (no word known). Each list is measured beside the English names. The measure is the
recipe's own (`evaluate.generate` and `evaluate.retrieval`: 20 DDIM steps, guidance 4, the same
seeds for both lists, autoencoder-latent nearest neighbours among all emoji). The recipe's
checkpoints are not in git, so the shipped UNet, text encoder and decoder are read back from ONNX
and an encoder is fitted to the decoder as when the recipe resumes (cached). The held-out emoji are
those of `bench:upscale`: the recipe's held-out 5 % that have SVG artwork. Prints one JSON line.
"""
import argparse
import fcntl
import json
import os
import pickle
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "worker", "recipe"))
import bpe  # noqa: E402
import data  # noqa: E402
import evaluate  # noqa: E402
import from_model  # noqa: E402
import nets  # noqa: E402
import upscale_data  # noqa: E402
from run import images_tensor  # noqa: E402

ENCODER_STEPS = 600


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


def save_whole(path, write):
    """Writes a cache file under another name first, so that no run ever reads half of one."""
    write(f"{path}.part")
    os.replace(f"{path}.part", path)


def cached_items(cache):
    path = f"{cache}/items.pkl"
    if not os.path.exists(path):
        items = data.build()

        def write(part):
            with open(part, "wb") as f:
                pickle.dump(items, f)
        save_whole(path, write)
    with open(path, "rb") as f:
        return pickle.load(f)


def load_model(model_dir, cache, items):
    with open(f"{model_dir}/vae_decoder/config.json") as f:
        scale = json.load(f)["scaling_factor"]
    with open(f"{model_dir}/text_encoder/config.json") as f:
        max_len = json.load(f)["max_position_embeddings"]
    with open(f"{model_dir}/model_index.json") as f:
        version = json.load(f)["version"]
    tok = bpe.Tokenizer.load(f"{model_dir}/tokenizer")
    unet = from_model._load(nets.UNet(), from_model._unet_export, f"{model_dir}/unet/model.onnx").eval()
    text = from_model._load(nets.TextEncoder(len(tok.vocab), max_len), from_model._text_export(tok), f"{model_dir}/text_encoder/model.onnx").eval()
    dec = from_model._load(nets.Decoder(), from_model._decoder_export, f"{model_dir}/vae_decoder/model.onnx").eval()
    enc = nets.Encoder()
    enc_path = f"{cache}/encoder-{version}.pt"
    if os.path.exists(enc_path):
        enc.load_state_dict(torch.load(enc_path))
    else:
        l1 = from_model._fit_encoder(enc, dec, images_tensor(items), ENCODER_STEPS, log)
        log(f"encoder fitted to the shipped decoder: reconstruction L1 {l1:.4f}")
        save_whole(enc_path, lambda p: torch.save(enc.state_dict(), p))
    return tok, text, unet, dec.eval(), enc.eval(), scale


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("understood")
    ap.add_argument("model_dir")
    ap.add_argument("cache_dir")
    ap.add_argument("--limit", type=int, default=0, help="at most this many held-out emoji (0: all)")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    os.makedirs(args.cache_dir, exist_ok=True)
    with open(args.understood, encoding="utf-8") as f:
        lists = json.load(f)
    understood = lists["korean"]

    # Runs side by side (the whole bench and this one) share one data build and one encoder fit.
    lock = open(f"{args.cache_dir}/.lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    items = cached_items(args.cache_dir)
    sprite = upscale_data.read_sprite()
    cp_of_name = {}
    for cp, entry in data.read_annotations().items():
        cp_of_name.setdefault(entry["name"], []).append(cp)
    held, cps = [], []
    for i, it in enumerate(items):
        if it["split"] != "heldout" or upscale_data.svg_key(ord(c) for c in it["emoji"]) not in sprite:
            continue
        # The Korean name of the very emoji whose English name the item carries.
        found = [cp for cp in cp_of_name.get(it["name"], []) if cp in understood] or [it["emoji"]]
        if found[0] not in understood:
            continue
        held.append(i)
        cps.append(found[0])
    if args.limit:
        held, cps = held[:args.limit], cps[:args.limit]
    english = [data.clean(items[i]["name"]) for i in held]

    tok, text, unet, dec, enc, scale = load_model(args.model_dir, args.cache_dir, items)
    fcntl.flock(lock, fcntl.LOCK_UN)
    real = evaluate.embed(enc, images_tensor(items))
    out = {"n": len(held)}
    runs = [("english", english)] + [(name, [lists[name][cp] for cp in cps]) for name in lists]
    for name, prompts in runs:
        t0 = time.time()
        # A refused prompt makes no picture: it is drawn empty here and counted as a miss.
        refused = [p is None for p in prompts]
        gen = evaluate.generate([p or "" for p in prompts], tok, text, unet, dec, scale, seed=1234)
        emb = evaluate.embed(enc, gen)
        sims = emb @ real.T
        nearest = sims.argmax(1).tolist()
        top5 = sims.topk(5, dim=1).indices.tolist()
        group = [not r and items[n]["group"] == items[t]["group"] for n, t, r in zip(nearest, held, refused)]
        hit5 = [not r and t in row for row, t, r in zip(top5, held, refused)]
        out[name] = {"group": sum(group) / len(held), "top5": sum(hit5) / len(held), "seconds": round(time.time() - t0, 1),
                     "refused": sum(refused), "same_prompt": sum(p == e for p, e in zip(prompts, english)),
                     "differing": [{"english": e, "korean": p} for e, p in zip(english, prompts) if e != p]}
        log(f"{name}: group {out[name]['group']:.3f}, top-5 {out[name]['top5']:.3f}")
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
