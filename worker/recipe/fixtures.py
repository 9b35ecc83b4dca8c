"""Reference values for the TypeScript tokenizer and schedulers, computed here once and committed.

    /usr/bin/python3 worker/recipe/fixtures.py [tokenizer_dir [out_dir]]
"""
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bpe  # noqa: E402

OUT = os.path.join(HERE, "..", "diffusion", "fixtures")

TEXTS = ["red heart", "cat face", "pizza", "rocket", "smiling face with sunglasses", "flag of Korea",
         "  Grinning   FACE with big eyes ", "woman technologist: medium-dark skin tone", "1st place medal",
         "a picture of t-rex", "it's a cat's life, isn't it?", "emoji of 🍕 pizza!", "ＦＵＬＬＷＩＤＴＨ text",
         "café déjà vu", "고양이 얼굴", "under_score & ampersand #hash", "", "zzzzqqqxxx unknown words",
         "person in lotus position " * 12]


def alphas_cumprod(cfg):
    T = cfg["num_train_timesteps"]
    out, prod = [], 1.0
    for i in range(T):
        frac = i / (T - 1)
        if cfg["beta_schedule"] == "scaled_linear":
            beta = (math.sqrt(cfg["beta_start"]) + frac * (math.sqrt(cfg["beta_end"]) - math.sqrt(cfg["beta_start"]))) ** 2
        else:
            beta = cfg["beta_start"] + frac * (cfg["beta_end"] - cfg["beta_start"])
        prod *= 1 - beta
        out.append(prod)
    return out


def spaced(cfg, steps):
    T = cfg["num_train_timesteps"]
    sp = cfg["timestep_spacing"]
    if sp == "linspace":
        return [round((T - 1) * i / (steps - 1)) for i in range(steps)][::-1]
    if sp == "trailing":
        ratio = T / steps
        return [round(T - i * ratio) - 1 for i in range(steps)]
    ratio = T // steps
    return [i * ratio + cfg["steps_offset"] for i in range(steps)][::-1]


def ddim_step(cfg, ac, steps, i, t, out, x):
    prev = t - cfg["num_train_timesteps"] // steps
    a = ac[t]
    ap = ac[prev] if prev >= 0 else (1.0 if cfg["set_alpha_to_one"] else ac[0])
    x0 = [(xi - math.sqrt(1 - a) * e) / math.sqrt(a) for xi, e in zip(x, out)]
    return [math.sqrt(ap) * x0i + math.sqrt(1 - ap) * e for x0i, e in zip(x0, out)]


def euler_sigmas(cfg, steps):
    ac = alphas_cumprod(cfg)
    train = [math.sqrt((1 - a) / a) for a in ac]
    ts = spaced(cfg, steps)
    sig = []
    for t in ts:
        lo = math.floor(t); hi = min(lo + 1, len(train) - 1)
        sig.append(train[lo] + (train[hi] - train[lo]) * (t - lo))
    return sig + [0.0]


def lcm_timesteps(cfg, steps):
    original = min(cfg.get("original_inference_steps", 50), cfg["num_train_timesteps"])
    k = cfg["num_train_timesteps"] // original
    origin = [(i + 1) * k - 1 for i in range(original)][::-1]
    skip = max(1, len(origin) // steps)
    return origin[::skip][:steps]


def main():
    tok_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "models", "merchboard-emoji", "tokenizer")
    out_dir = sys.argv[2] if len(sys.argv) > 2 else OUT
    os.makedirs(out_dir, exist_ok=True)
    tok = bpe.Tokenizer.load(tok_dir)
    with open(os.path.join(out_dir, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump({"max_length": tok.max_length, "cases": [{"text": t, "ids": tok.encode(t)} for t in TEXTS]}, f, ensure_ascii=False, indent=1)
    base = {"num_train_timesteps": 1000, "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear",
            "prediction_type": "epsilon", "set_alpha_to_one": False, "steps_offset": 1, "timestep_spacing": "leading"}
    cases = []
    x = [0.5, -1.25, 2.0, 0.0]
    out = [0.1, -0.3, 0.7, -0.05]
    for spacing in ("leading", "trailing", "linspace"):
        for steps in (4, 20):
            cfg = dict(base, timestep_spacing=spacing)
            ac = alphas_cumprod(cfg)
            ts = spaced(cfg, steps)
            cases.append({"config": cfg, "steps": steps, "timesteps": ts,
                          "ddim_first_step": ddim_step(cfg, ac, steps, 0, ts[0], out, x),
                          "ddim_last_step": ddim_step(cfg, ac, steps, steps - 1, ts[-1], out, x),
                          "euler_sigmas": euler_sigmas(cfg, steps),
                          "lcm_timesteps": lcm_timesteps(cfg, steps)})
    with open(os.path.join(out_dir, "schedulers.json"), "w") as f:
        json.dump({"x": x, "model_output": out, "alphas_cumprod_samples": {str(i): alphas_cumprod(base)[i] for i in (0, 1, 499, 999)},
                   "cases": cases}, f, indent=1)
    print("fixtures written to", os.path.abspath(out_dir))


if __name__ == "__main__":
    main()
