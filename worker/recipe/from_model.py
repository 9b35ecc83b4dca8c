"""Rebuilds the recipe's checkpoints from a shipped model folder, so that training resumes on a
fresh clone (the checkpoints under _work/ are not in git, the exported model is).

The ONNX export renames some weights (GroupNorm scales become [C, 1, 1] Mul/Add constants, Linear
weights are transposed into MatMul constants), so names alone do not map them back. Instead the
same architecture, with every weight set to distinct random values, is exported with the same
code; each initializer of that export is found among the torch weights (as is, transposed or
reshaped), which gives the mapping, and the round trip is checked by exporting the loaded model
again and comparing every initializer with the shipped file.

The encoder is not shipped (Stable Diffusion's layout has only the decoder), so a new one is
trained against the frozen shipped decoder; its latents are checked against what the shipped
UNet expects by the UNet's own denoising loss.
"""
import json
import random
import shutil
import tempfile

import numpy as np
import onnx
import torch
from onnx import numpy_helper

import bpe
import data
import nets
from diffusion import Schedule
from export import export_decoder, export_text, export_unet


def _initializers(path):
    return {i.name: numpy_helper.to_array(i) for i in onnx.load(path).graph.initializer}


def _mapping(module, export_fn):
    """initializer name → (state_dict key, how the weight was transformed)."""
    with torch.no_grad():
        g = torch.Generator().manual_seed(7)
        for p in module.state_dict().values():
            if p.dtype.is_floating_point:
                p.copy_(torch.randn(p.shape, generator=g))
    with tempfile.TemporaryDirectory() as tmp:
        inits = _initializers(export_fn(module, f"{tmp}/m.onnx"))
    weights = {k: v.numpy() for k, v in module.state_dict().items() if v.dtype.is_floating_point}
    out = {}
    for name, arr in inits.items():
        if arr.dtype != np.float32 or arr.size < 2:
            continue
        for key, w in weights.items():
            if w.size != arr.size:
                continue
            if w.shape == arr.shape and np.array_equal(w, arr):
                out[name] = (key, "same")
            elif w.ndim == 2 and w.T.shape == arr.shape and np.array_equal(w.T, arr):
                out[name] = (key, "transpose")
            elif np.array_equal(w.reshape(-1), arr.reshape(-1)):
                out[name] = (key, "reshape")
            else:
                continue
            break
    return out


def _load(module, export_fn, shipped_path):
    mapping = _mapping(module, export_fn)
    shipped = _initializers(shipped_path)
    state = module.state_dict()
    loaded = set()
    for name, (key, how) in mapping.items():
        arr = shipped[name]
        w = arr.T if how == "transpose" else arr.reshape(state[key].shape)
        state[key].copy_(torch.from_numpy(np.ascontiguousarray(w)))
        loaded.add(key)
    missing = [k for k, v in state.items() if v.dtype.is_floating_point and k not in loaded and not k.endswith("mask")]
    if missing:
        raise RuntimeError(f"{shipped_path}: no initializer for {missing}")
    with tempfile.TemporaryDirectory() as tmp:
        again = _initializers(export_fn(module, f"{tmp}/m.onnx"))
    for name, arr in shipped.items():
        if name in again and not np.array_equal(again[name], arr):
            raise RuntimeError(f"{shipped_path}: {name} differs after the round trip")
    return module


def _unet_export(unet, path):
    with torch.no_grad():
        export_unet(unet.eval(), torch.randn(2, 32, 128), path)
    return path


def _text_export(tok):
    def run(text, path):
        with torch.no_grad():
            export_text(text.eval(), torch.tensor([tok.encode("red heart")], dtype=torch.int32), path)
        return path
    return run


def _decoder_export(dec, path):
    with torch.no_grad():
        export_decoder(dec.eval(), path)
    return path


def _fit_encoder(enc, dec, x, steps, log):
    """Trains the encoder to invert the frozen decoder (mean latents, as the recipe uses them)."""
    for p in dec.parameters():
        p.requires_grad_(False)
    opt = torch.optim.AdamW(enc.parameters(), 2e-3)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, 2e-3, total_steps=steps, pct_start=0.05)
    g = torch.Generator().manual_seed(11)
    for step in range(1, steps + 1):
        batch = x[torch.randint(0, len(x), (32,), generator=g)]
        loss, _ = nets.autoencoder_loss(enc, dec, batch)
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        if step % 200 == 0:
            log(f"encoder (frozen decoder) step {step} loss {loss.item():.4f}")
    for p in dec.parameters():
        p.requires_grad_(True)
    with torch.no_grad():
        rec = torch.cat([dec(enc(x[i:i + 256])[0]) for i in range(0, len(x), 256)])
    return float((rec - x).abs().mean())


def denoising_loss(unet, text, tok, lat, captions, sched, n=512, seed=3):
    """The UNet's ε-prediction loss on these latents: low only if they are what it was trained on."""
    g = torch.Generator().manual_seed(seed)
    idx = torch.randint(0, len(lat), (n,), generator=g)
    with torch.no_grad():
        ids = torch.tensor([tok.encode(captions[i]) for i in idx.tolist()])
        t = torch.randint(0, sched.T, (n,), generator=g)
        noise = torch.randn(lat[idx].shape, generator=g)
        a = sched.alphas_cumprod[t].view(-1, 1, 1, 1)
        zt = a.sqrt() * lat[idx] + (1 - a).sqrt() * noise
        losses = [(unet(zt[i:i + 128], t[i:i + 128].float(), text(ids[i:i + 128])) - noise[i:i + 128]).pow(2).mean()
                  for i in range(0, n, 128)]
    return float(torch.stack(losses).mean())


def rebuild(model_dir, work, items, images_tensor, encoder_steps, log):
    """Writes tokenizer/, ae.pt and ldm.pt under `work` from the shipped model in `model_dir`."""
    with open(f"{model_dir}/vae_decoder/config.json") as f:
        scale = json.load(f)["scaling_factor"]
    with open(f"{model_dir}/metrics.json") as f:
        metrics = json.load(f)
    with open(f"{model_dir}/text_encoder/config.json") as f:
        max_len = json.load(f)["max_position_embeddings"]
    shutil.copytree(f"{model_dir}/tokenizer", f"{work}/tokenizer", dirs_exist_ok=True)
    tok = bpe.Tokenizer.load(f"{work}/tokenizer")
    unet = _load(nets.UNet(), _unet_export, f"{model_dir}/unet/model.onnx").train()
    text = _load(nets.TextEncoder(len(tok.vocab), max_len), _text_export(tok), f"{model_dir}/text_encoder/model.onnx").train()
    dec = _load(nets.Decoder(), _decoder_export, f"{model_dir}/vae_decoder/model.onnx").train()
    log(f"loaded the shipped UNet, text encoder and decoder from {model_dir} (round trip exact)")
    enc = nets.Encoder()
    x = images_tensor(items)
    recon_l1 = _fit_encoder(enc, dec, x, encoder_steps, log)
    log(f"encoder fitted in {encoder_steps} steps: reconstruction L1 {recon_l1:.4f} (images in [-1, 1])")
    train = [it for it in items if it["split"] == "train"]
    with torch.no_grad():
        xt = images_tensor(train)
        lat = torch.cat([enc(xt[i:i + 256])[0] for i in range(0, len(xt), 256)]) * scale
    rng = random.Random(0)
    captions = [data.train_caption(it, rng) for it in train]
    unet.eval(); text.eval()
    fitted = denoising_loss(unet, text, tok, lat, captions, Schedule())
    shuffled = denoising_loss(unet, text, tok, lat[torch.randperm(len(lat), generator=torch.Generator().manual_seed(5))], captions, Schedule())
    log(f"shipped UNet's denoising loss on the new encoder's latents {fitted:.4f} (with captions shuffled {shuffled:.4f})")
    unet.train(); text.train()
    torch.save({"enc": enc.state_dict(), "dec": dec.state_dict(), "opt": torch.optim.AdamW(list(enc.parameters()) + list(dec.parameters())).state_dict(),
                "step": metrics.get("ae_steps", 0) + encoder_steps, "done": True, "scale": scale}, f"{work}/ae.pt")
    opt = torch.optim.AdamW(list(unet.parameters()) + list(text.parameters()), 3e-4, weight_decay=0.01)
    torch.save({"unet": unet.state_dict(), "text": text.state_dict(), "opt": opt.state_dict(),
                "ema_unet": {k: v.detach().clone() for k, v in unet.state_dict().items()},
                "ema_text": {k: v.detach().clone() for k, v in text.state_dict().items()},
                "step": metrics["ldm_steps"], "seconds": metrics["ldm_train_seconds"],
                **({"phases": metrics["ldm_phases"]} if "ldm_phases" in metrics else {})}, f"{work}/ldm.pt")
    return {"encoder_fit_steps": encoder_steps, "reconstruction_l1": recon_l1, "denoising_loss": fitted, "denoising_loss_shuffled": shuffled}
