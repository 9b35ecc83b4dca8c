"""One command for the print-ready network: SVG renders → degraded inputs → training → ONNX → evaluation → card.

    /usr/bin/python3 worker/recipe/upscale_run.py [--smoke] [--minutes M] [--lr LR]

Every stage checkpoints under worker/models/_work-upscale/ and is skipped or resumed when run
again; each run with new settings is recorded as a phase in the checkpoint, metrics and card.
"""
import argparse
import json
import os
import pickle
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import upscale_data  # noqa: E402
from run import log  # noqa: E402
from upscale_net import SCALE, PrintReadyNet, count, loss  # noqa: E402

IN = 64
OUT = IN * SCALE


def stage_items(work, smoke):
    path = f"{work}/items.pkl"
    if not os.path.exists(path):
        items = upscale_data.matched_items(limit=200 if smoke else None)
        if smoke:
            # a few of each split keep the smoke run to a couple of minutes
            items = [i for i in items if i["split"] == "heldout"][:4] + [i for i in items if i["split"] == "train"][:20]
        with open(path, "wb") as f:
            pickle.dump(items, f)
        log(f"items: {len(items)} emoji with SVG artwork, {sum(i['split'] == 'heldout' for i in items)} held out")
    with open(path, "rb") as f:
        return pickle.load(f)


def stage_inputs(work, targets):
    path = f"{work}/inputs.npy"
    if not os.path.exists(path):
        np.save(path, upscale_data.inputs_from(targets, SCALE))
    return np.load(path)


def stage_autoencoded(work, inputs, model_dir, steps):
    """Each input as the diffusion model's own autoencoder gives it back: an encoder fitted to the
    shipped decoder, then decoded. Generated images carry exactly this softness."""
    path = f"{work}/autoencoded.npy"
    if os.path.exists(path):
        return np.load(path)
    import from_model
    import nets
    dec = from_model._load(nets.Decoder(), from_model._decoder_export, f"{model_dir}/vae_decoder/model.onnx")
    enc = nets.Encoder()
    x = torch.from_numpy(inputs).permute(0, 3, 1, 2).contiguous() * 2 - 1
    l1 = from_model._fit_encoder(enc, dec, x, steps, log)
    with torch.no_grad():
        rec = torch.cat([dec(enc(x[i:i + 128])[0]) for i in range(0, len(x), 128)])
    out = ((rec.clamp(-1, 1) + 1) / 2).permute(0, 2, 3, 1).numpy().astype(np.float32)
    np.save(path, out)
    log(f"autoencoded inputs: encoder fitted in {steps} steps, L1 {l1:.4f} on [-1, 1]")
    return out


def gaussian_blur(x, sigma):
    r = max(1, int(3 * sigma))
    k = torch.exp(-torch.arange(-r, r + 1, dtype=torch.float32) ** 2 / (2 * sigma * sigma))
    k = (k / k.sum()).view(1, 1, 1, -1).repeat(x.shape[1], 1, 1, 1)
    x = F.pad(x, (r, r, 0, 0), mode="replicate")
    x = F.conv2d(x, k, groups=x.shape[1])
    x = F.pad(x, (0, 0, r, r), mode="replicate")
    return F.conv2d(x, k.transpose(2, 3), groups=x.shape[1])


def degrade(x, ae, g):
    """The 64 px input as generation leaves it: the autoencoder's reconstruction, blur, colour noise."""
    r = torch.rand(3, generator=g).tolist()
    if r[0] < 0.4:
        x = ae
    elif r[0] < 0.65:
        x = gaussian_blur(x, 0.3 + 0.7 * r[1])
    if r[2] < 0.5:
        sigma = 0.03 * torch.rand(1, generator=g).item()
        x = x + sigma * torch.randn(x.shape, generator=g)
        x = x * (1 + 0.04 * (torch.rand(1, 3, 1, 1, generator=g) - 0.5))
    return x.clamp(0, 1)


def batch(idx, inputs, ae, targets, crop, g):
    """Aligned random crops: `crop` px of the input, 16× that of the target, flipped and turned alike."""
    xs, ys = [], []
    for i in idx:
        ox, oy = torch.randint(0, IN - crop + 1, (2,), generator=g).tolist()
        x = torch.from_numpy(inputs[i, oy:oy + crop, ox:ox + crop]).permute(2, 0, 1)[None]
        a = torch.from_numpy(ae[i, oy:oy + crop, ox:ox + crop]).permute(2, 0, 1)[None]
        y = torch.from_numpy(np.ascontiguousarray(
            targets[i, oy * SCALE:(oy + crop) * SCALE, ox * SCALE:(ox + crop) * SCALE])).permute(2, 0, 1)[None].float() / 255
        x = degrade(x, a, g)
        k = int(torch.randint(0, 4, (1,), generator=g))
        flip = bool(torch.randint(0, 2, (1,), generator=g))
        x, y = torch.rot90(x, k, (2, 3)), torch.rot90(y, k, (2, 3))
        if flip:
            x, y = x.flip(3), y.flip(3)
        xs.append(x); ys.append(y)
    return torch.cat(xs), torch.cat(ys)


def stage_train(work, items, inputs, ae, targets, minutes, lr, batch_size, crop, shipped=None):
    path = f"{work}/net.pt"
    net = PrintReadyNet()
    opt = torch.optim.AdamW(net.parameters(), lr, weight_decay=0.0)
    step, seconds, phases = 0, 0.0, []
    if os.path.exists(path):
        ck = torch.load(path)
        net.load_state_dict(ck["net"]); opt.load_state_dict(ck["opt"])
        step, seconds, phases = ck["step"], ck["seconds"], ck["phases"]
    elif shipped:
        import upscale_seed
        step, seconds, phases = upscale_seed.load_shipped(net, shipped)
        log(f"train: continuing the shipped model at step {step} (the optimiser's moments start afresh)")
    phase = {"from_step": step, "lr": lr, "batch": batch_size, "crop": crop}
    if not phases or {**phases[-1], "from_step": step} != phase:
        phases.append(phase)
    for group in opt.param_groups:
        group["lr"] = lr
    train = [i for i, it in enumerate(items) if it["split"] == "train"]
    g = torch.Generator().manual_seed(step)
    log(f"train: {count(net)} params, {len(train)} emoji, from step {step}")

    def save():
        torch.save({"net": net.state_dict(), "opt": opt.state_dict(), "step": step, "seconds": seconds,
                    "phases": phases, "config": net.config}, path)

    deadline = time.time() + minutes * 60
    while time.time() < deadline:
        t0 = time.time()
        idx = [train[j] for j in torch.randint(0, len(train), (batch_size,), generator=g).tolist()]
        x, y = batch(idx, inputs, ae, targets, crop, g)
        value = loss(net(x), y)
        opt.zero_grad(); value.backward(); opt.step()
        step += 1
        seconds += time.time() - t0
        if step % 50 == 0:
            log(f"step {step} loss {value.item():.4f} ({seconds / step:.2f} s/step)")
        if step % 250 == 0:
            save()
    save()
    return net.eval(), step, seconds, phases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true", help="a few emoji and a minute, for testing the recipe")
    ap.add_argument("--minutes", type=float, default=80)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--crop", type=int, default=24, help="input crop in px (the target crop is 16× that)")
    ap.add_argument("--encoder-steps", type=int, default=600, help="fitting an encoder to the diffusion model's decoder")
    ap.add_argument("--diffusion-model", default=os.path.join(HERE, "..", "models", "merchboard-emoji"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "models", "merchboard-print-ready"))
    ap.add_argument("--work", default=os.path.join(HERE, "..", "models", "_work-upscale"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--continue-shipped", action="store_true", help="without a checkpoint, start from the shipped model (--out) instead of from scratch")
    args = ap.parse_args()
    if args.smoke:
        args.minutes, args.encoder_steps = min(args.minutes, 0.5), 60
        args.work += "-smoke"
        args.out += "-smoke"
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    os.makedirs(args.work, exist_ok=True)
    items = stage_items(args.work, args.smoke)
    targets = upscale_data.build_targets(items, OUT, f"{args.work}/targets.npy")
    log(f"targets: {targets.shape}")
    inputs = stage_inputs(args.work, targets)
    ae = stage_autoencoded(args.work, inputs, args.diffusion_model, args.encoder_steps)
    shipped = args.out if args.continue_shipped and os.path.exists(f"{args.out}/model.onnx") else None
    net, steps, seconds, phases = stage_train(args.work, items, inputs, ae, targets, args.minutes, args.lr, args.batch, args.crop, shipped)
    import upscale_export
    import upscale_eval
    version = upscale_export.write(args.out, net)
    report = upscale_eval.run(net, items, inputs, ae, targets)
    report.update({"name": "merchboard-print-ready", "version": version, "steps": steps, "phases": phases,
                   "train_seconds": round(seconds), "threads": args.threads, "params": count(net),
                   "n_train": sum(i["split"] == "train" for i in items),
                   "n_heldout": sum(i["split"] == "heldout" for i in items), "config": net.config})
    with open(f"{args.out}/metrics.json", "w") as f:
        json.dump(report, f, indent=2)
    import upscale_card
    upscale_card.write(args.out)
    log("metrics", json.dumps({k: v for k, v in report.items() if k != "phases"}))


if __name__ == "__main__":
    main()
