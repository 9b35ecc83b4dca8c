"""One command for the bundled model: data → tokenizer → autoencoder → text encoder + UNet → judge → ONNX → evaluation.

    /usr/bin/python3 worker/recipe/run.py [--smoke] [--ae-minutes M] [--ldm-minutes M]

Every stage checkpoints under worker/models/_work/ and is skipped or resumed when run again. With
no checkpoints there (a fresh clone), training resumes from the bundled model itself.
"""
import argparse
import json
import os
import pickle
import random
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bpe  # noqa: E402
import data  # noqa: E402
import nets  # noqa: E402
from diffusion import Schedule, sample_ddim  # noqa: E402

MAX_LEN = 32


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def stage_data(work, smoke):
    path = f"{work}/data.pkl"
    if not os.path.exists(path):
        items = data.build(limit=200 if smoke else None)
        with open(path, "wb") as f:
            pickle.dump(items, f)
        log(f"data: {len(items)} emoji, {sum(i['split'] == 'heldout' for i in items)} held out")
    with open(path, "rb") as f:
        return pickle.load(f)


def stage_tokenizer(work, items, smoke):
    folder = f"{work}/tokenizer"
    if not os.path.exists(f"{folder}/vocab.json"):
        os.makedirs(folder, exist_ok=True)
        rng = random.Random(1)
        texts = [data.train_caption(it, rng) for it in items if it["split"] == "train" for _ in range(4)]
        texts += [data.clean(it["name"]) for it in items]
        vocab, merges = bpe.train(texts, 300 if smoke else 3000)
        bpe.Tokenizer(vocab, merges, MAX_LEN).save(folder)
        log(f"tokenizer: {len(vocab)} tokens")
    return bpe.Tokenizer.load(folder)


def images_tensor(items):
    x = np.stack([it["image"] for it in items]).astype(np.float32) / 127.5 - 1.0
    return torch.from_numpy(x).permute(0, 3, 1, 2).contiguous()


def load_ckpt(path):
    return torch.load(path) if os.path.exists(path) else None


def stage_autoencoder(work, items, minutes):
    path = f"{work}/ae.pt"
    enc, dec = nets.Encoder(), nets.Decoder()
    opt = torch.optim.AdamW(list(enc.parameters()) + list(dec.parameters()), 2e-3)
    ck = load_ckpt(path)
    step = 0
    if ck:
        enc.load_state_dict(ck["enc"]); dec.load_state_dict(ck["dec"]); opt.load_state_dict(ck["opt"])
        step = ck["step"]
        if ck.get("done"):
            return enc, dec, ck["scale"]
    x = images_tensor(items)  # the autoencoder may see every emoji: it learns pixels, not captions
    deadline = time.time() + minutes * 60
    g = torch.Generator().manual_seed(step)
    while time.time() < deadline:
        batch = x[torch.randint(0, len(x), (32,), generator=g)]
        loss, kl = nets.autoencoder_loss(enc, dec, batch)
        opt.zero_grad(); loss.backward(); opt.step()
        step += 1
        if step % 200 == 0:
            log(f"ae step {step} loss {loss.item():.4f} kl {kl.item():.3f}")
            torch.save({"enc": enc.state_dict(), "dec": dec.state_dict(), "opt": opt.state_dict(), "step": step}, path)
    with torch.no_grad():
        z = torch.cat([enc(x[i:i + 256])[0] for i in range(0, len(x), 256)])
    scale = float(1.0 / z.std())
    torch.save({"enc": enc.state_dict(), "dec": dec.state_dict(), "opt": opt.state_dict(), "step": step,
                "done": True, "scale": scale}, path)
    log(f"ae done after {step} steps, latent scale {scale:.4f}")
    return enc, dec, scale


def snr_weight(alpha_bar, gamma):
    """Min-SNR-γ weighting for ε-prediction (Hang et al. 2023): min(SNR, γ) / SNR.

    Nearly noiseless steps are easy and dominate the plain loss; capping their weight spends the
    UNet's small capacity on the noisy steps that decide what is drawn. γ = 0 keeps the plain loss.
    """
    if gamma <= 0:
        return torch.ones_like(alpha_bar)
    snr = alpha_bar / (1 - alpha_bar)
    return snr.clamp(max=gamma) / snr


class Ema:
    def __init__(self, module, decay):
        self.decay = decay
        self.shadow = {k: v.detach().clone() for k, v in module.state_dict().items()}

    @torch.no_grad()
    def update(self, module):
        for k, v in module.state_dict().items():
            if v.dtype.is_floating_point:
                self.shadow[k].mul_(self.decay).add_(v.detach(), alpha=1 - self.decay)
            else:
                self.shadow[k].copy_(v)


def stage_ldm(work, items, tok, enc, scale, minutes, lr, tone_weight, lr_end, min_snr, flag_weight):
    path = f"{work}/ldm.pt"
    unet, text = nets.UNet(), nets.TextEncoder(len(tok.vocab), MAX_LEN)
    params = list(unet.parameters()) + list(text.parameters())
    opt = torch.optim.AdamW(params, lr, weight_decay=0.01)
    ema_u, ema_t = Ema(unet, 0.999), Ema(text, 0.999)
    step, seconds, phases = 0, 0.0, []
    ck = load_ckpt(path)
    if ck:
        unet.load_state_dict(ck["unet"]); text.load_state_dict(ck["text"]); opt.load_state_dict(ck["opt"])
        ema_u.shadow, ema_t.shadow, step, seconds = ck["ema_unet"], ck["ema_text"], ck["step"], ck["seconds"]
        # Runs before phases were recorded all trained at 3e-4 with every emoji drawn equally often.
        phases = ck.get("phases", [{"from_step": 0, "lr": 3e-4, "tone_weight": 1.0}])
    lr_end = lr if lr_end is None else lr_end
    phase = {"from_step": step, "lr": lr, "lr_end": lr_end, "tone_weight": tone_weight, "min_snr": min_snr,
             "flag_weight": flag_weight}
    # The last phase, read with this run's defaults for keys older phases lack, so that resuming
    # with the same settings adds no row.
    last = ({"lr_end": phases[-1]["lr"], "min_snr": 0.0, "flag_weight": 1.0, **phases[-1], "from_step": step}
            if phases else None)
    if last != phase:
        phases.append(phase)
    train = [it for it in items if it["split"] == "train"]
    weights = torch.tensor([data.sample_weight(it, tone_weight, flag_weight) for it in train])
    with torch.no_grad():
        x = images_tensor(train)
        lat = torch.cat([enc(x[i:i + 256])[0] for i in range(0, len(x), 256)]) * scale
    sched = Schedule()
    rng = random.Random(step)
    g = torch.Generator().manual_seed(step)
    empty = torch.tensor([tok.encode("")])
    started = time.time()
    deadline = started + minutes * 60
    log(f"ldm: unet {nets.count(unet)} params, text {nets.count(text)} params, from step {step}")

    def save():
        torch.save({"unet": unet.state_dict(), "text": text.state_dict(), "opt": opt.state_dict(),
                    "ema_unet": ema_u.shadow, "ema_text": ema_t.shadow, "step": step, "seconds": seconds,
                    "phases": phases}, path)

    while time.time() < deadline:
        t0 = time.time()
        # Annealed over the run's time budget: the last steps at a low rate sharpen what EMA keeps.
        for group in opt.param_groups:
            group["lr"] = lr + (lr_end - lr) * min(1.0, (t0 - started) / (minutes * 60))
        idx = torch.multinomial(weights, 64, replacement=True, generator=g)
        ids = torch.tensor([tok.encode(data.train_caption(train[i], rng)) for i in idx.tolist()])
        drop = torch.rand(64, generator=g) < 0.1  # unconditional share for classifier-free guidance
        ids[drop] = empty
        z0 = lat[idx]
        t = torch.randint(0, sched.T, (64,), generator=g)
        noise = torch.randn(z0.shape, generator=g)
        a = sched.alphas_cumprod[t].view(-1, 1, 1, 1)
        zt = a.sqrt() * z0 + (1 - a).sqrt() * noise
        per_sample = (unet(zt, t.float(), text(ids)) - noise).pow(2).mean(dim=(1, 2, 3))
        loss = (per_sample * snr_weight(a.flatten(), min_snr)).mean()
        opt.zero_grad(); loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        ema_u.update(unet); ema_t.update(text)
        step += 1
        seconds += time.time() - t0
        if step % 100 == 0:
            log(f"ldm step {step} loss {loss.item():.4f} ({seconds / step:.2f} s/step)")
        if step % 500 == 0:
            save()
    save()
    unet.load_state_dict(ema_u.shadow); text.load_state_dict(ema_t.shadow)
    return unet.eval(), text.eval(), step, seconds, phases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true", help="tiny data and a few minutes, for testing the recipe")
    ap.add_argument("--ae-minutes", type=float, default=12)
    ap.add_argument("--ldm-minutes", type=float, default=80)
    ap.add_argument("--judge-minutes", type=float, default=8, help="training of the evaluation encoder")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "models", "merchboard-emoji"))
    ap.add_argument("--work", default=os.path.join(HERE, "..", "models", "_work"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--from-model", default=os.path.join(HERE, "..", "models", "merchboard-emoji"),
                    help="with no checkpoints under --work, resume from this exported model ('none': train from scratch)")
    ap.add_argument("--lr", type=float, default=3e-4, help="UNet + text-encoder learning rate from this run on")
    ap.add_argument("--lr-end", type=float, default=None,
                    help="anneal the learning rate linearly to this over the run's --ldm-minutes (default: constant)")
    ap.add_argument("--min-snr", type=float, default=0.0,
                    help="min-SNR-γ loss weighting from this run on (0: the plain ε loss)")
    ap.add_argument("--tone-weight", type=float, default=0.25,
                    help="how often a skin-tone variant is drawn, relative to any other emoji")
    ap.add_argument("--flag-weight", type=float, default=3.0,
                    help="how often a flag is drawn, relative to any other emoji")
    ap.add_argument("--encoder-steps", type=int, default=600, help="fitting an encoder to a resumed model's decoder")
    args = ap.parse_args()
    if args.smoke:
        args.ae_minutes, args.ldm_minutes, args.judge_minutes = min(args.ae_minutes, 0.5), min(args.ldm_minutes, 1), min(args.judge_minutes, 0.5)
        args.work += "-smoke"
        args.out += "-smoke"
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    os.makedirs(args.work, exist_ok=True)
    items = stage_data(args.work, args.smoke)
    resumable = not args.smoke and args.from_model != "none" and os.path.exists(f"{args.from_model}/metrics.json")
    if resumable and not os.path.exists(f"{args.work}/ldm.pt"):
        import from_model
        fit = from_model.rebuild(args.from_model, args.work, items, images_tensor, args.encoder_steps, log)
        with open(f"{args.from_model}/model_index.json") as f:
            fit["from_version"] = json.load(f)["version"]
        with open(f"{args.work}/resumed.json", "w") as f:
            json.dump(fit, f, indent=2)
        log("resumed from the exported model", json.dumps(fit))
    tok = stage_tokenizer(args.work, items, args.smoke)
    enc, dec, scale = stage_autoencoder(args.work, items, args.ae_minutes)
    unet, text, steps, seconds, phases = stage_ldm(args.work, items, tok, enc, scale, args.ldm_minutes,
                                                   args.lr, args.tone_weight, args.lr_end, args.min_snr,
                                                   args.flag_weight)
    import export
    import evaluate
    import judge as judge_mod
    judge, judge_steps = judge_mod.train_or_load(args.work, images_tensor(items), enc, dec, args.judge_minutes, log)
    export.write_model(args.out, tok, text, unet, dec, scale, MAX_LEN)
    report = evaluate.run(args.out, items, tok, text, unet, enc, dec, scale, smoke=args.smoke, judge=judge)
    report["judge_steps"] = judge_steps
    report["ae_steps"] = torch.load(f"{args.work}/ae.pt")["step"]
    if os.path.exists(f"{args.work}/resumed.json"):
        with open(f"{args.work}/resumed.json") as f:
            report["resumed"] = json.load(f)
    report.update({"ldm_steps": steps, "ldm_phases": phases, "ldm_train_seconds": round(seconds), "threads": args.threads,
                   "vocab_size": len(tok.vocab), "unet_params": nets.count(unet), "text_params": nets.count(text),
                   "decoder_params": nets.count(dec), "n_emoji": len(items)})
    with open(f"{args.out}/metrics.json", "w") as f:
        json.dump(report, f, indent=2)
    import card
    card.write(args.out)
    log("metrics", json.dumps(report))


if __name__ == "__main__":
    main()
