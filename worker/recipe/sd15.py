"""A UNet at Stable Diffusion 1.5's shapes with random weights, to measure what a full-size model costs per step.

    /usr/bin/python3 worker/recipe/sd15.py export [--out worker/models/_work-sd15]
    /usr/bin/python3 worker/recipe/sd15.py time [--steps 3] [--threads 2]

`export` writes <out>/unet/model.onnx with its weights in <out>/unet/model.onnx_data (3.4 GB, so past
protobuf's 2 GB limit) and <out>/unet/config.json. `time` runs forward steps at batch 2 (guidance) and
prints one line of JSON. Timing does not depend on the weights' values, so they stay random; never commit them.

Same layout, widths and parameter count (859,520,964) as diffusers' UNet2DConditionModel for SD 1.5. The res
blocks are the recipe's (8 GroupNorm groups where SD has 32: same parameters, same cost).
"""
import argparse
import json
import os
import resource
import shutil
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from nets import ResBlock, count, timestep_embedding  # noqa: E402

OPSET = 17
LATENT = (4, 64, 64)   # a 512×512 image through SD's 8× VAE
CONTEXT = (77, 768)    # CLIP ViT-L/14's last_hidden_state


class Attention(nn.Module):
    def __init__(self, ch, ctx, heads):
        super().__init__()
        self.heads, self.scale = heads, (ch // heads) ** -0.5
        self.q = nn.Linear(ch, ch, bias=False)
        self.k = nn.Linear(ctx, ch, bias=False)
        self.v = nn.Linear(ctx, ch, bias=False)
        self.o = nn.Linear(ch, ch)

    def forward(self, x, ctx):
        b, n, c = x.shape
        h, d = self.heads, c // self.heads
        q = self.q(x).reshape(b, n, h, d).transpose(1, 2)
        k = self.k(ctx).reshape(b, -1, h, d).transpose(1, 2)
        v = self.v(ctx).reshape(b, -1, h, d).transpose(1, 2)
        w = torch.softmax(q @ k.transpose(-1, -2) * self.scale, dim=-1)
        return self.o((w @ v).transpose(1, 2).reshape(b, n, c))


class Transformer(nn.Module):
    """SD's Transformer2DModel with one block: self-attention, cross-attention to the text, GEGLU feed-forward."""

    def __init__(self, ch, ctx, heads=8):
        super().__init__()
        self.n = nn.GroupNorm(32, ch, eps=1e-6)
        self.proj_in, self.proj_out = nn.Conv2d(ch, ch, 1), nn.Conv2d(ch, ch, 1)
        self.n1, self.n2, self.n3 = nn.LayerNorm(ch), nn.LayerNorm(ch), nn.LayerNorm(ch)
        self.self_attn, self.cross_attn = Attention(ch, ch, heads), Attention(ch, ctx, heads)
        self.ff_in, self.ff_out = nn.Linear(ch, 8 * ch), nn.Linear(4 * ch, ch)

    def forward(self, x, ctx):
        b, c, hh, ww = x.shape
        h = self.proj_in(self.n(x)).reshape(b, c, hh * ww).transpose(1, 2)
        n = self.n1(h)
        h = h + self.self_attn(n, n)
        h = h + self.cross_attn(self.n2(h), ctx)
        a, gate = self.ff_in(self.n3(h)).chunk(2, dim=-1)
        h = h + self.ff_out(a * F.gelu(gate))
        return x + self.proj_out(h.transpose(1, 2).reshape(b, c, hh, ww))


class Level(nn.Module):
    """One resolution of either path: res blocks, each followed by a transformer where the level has attention."""

    def __init__(self, cins, cout, temb, ctx, attn):
        super().__init__()
        self.res = nn.ModuleList(ResBlock(cin, cout, temb) for cin in cins)
        self.attn = nn.ModuleList(Transformer(cout, ctx) for _ in cins) if attn else None


class UNet15(nn.Module):
    def __init__(self, latent=4, ch=(320, 640, 1280, 1280), attn=(True, True, True, False), ctx=768, per_level=2):
        super().__init__()
        self.ch0, temb = ch[0], 4 * ch[0]
        self.temb = nn.Sequential(nn.Linear(ch[0], temb), nn.SiLU(), nn.Linear(temb, temb))
        self.inp = nn.Conv2d(latent, ch[0], 3, padding=1)
        skips, c = [ch[0]], ch[0]   # channels of every tensor the down path hands to the up path
        self.down, self.downsample = nn.ModuleList(), nn.ModuleList()
        for i, (cout, a) in enumerate(zip(ch, attn)):
            self.down.append(Level([c] + [cout] * (per_level - 1), cout, temb, ctx, a))
            c = cout
            skips += [c] * per_level
            if i < len(ch) - 1:
                self.downsample.append(nn.Conv2d(c, c, 3, stride=2, padding=1))
                skips.append(c)
        self.mid1, self.mid_attn, self.mid2 = ResBlock(c, c, temb), Transformer(c, ctx), ResBlock(c, c, temb)
        self.up, self.upsample = nn.ModuleList(), nn.ModuleList()
        for i, (cout, a) in enumerate(zip(reversed(ch), reversed(attn))):
            cins = []
            for _ in range(per_level + 1):
                cins.append(c + skips.pop())
                c = cout
            self.up.append(Level(cins, cout, temb, ctx, a))
            if i < len(ch) - 1:
                self.upsample.append(nn.Conv2d(c, c, 3, padding=1))
        self.out = nn.Sequential(nn.GroupNorm(32, c, eps=1e-5), nn.SiLU(), nn.Conv2d(c, latent, 3, padding=1))

    def forward(self, sample, timestep, encoder_hidden_states):
        t = F.silu(self.temb(timestep_embedding(timestep, self.ch0)))  # SD's res blocks apply SiLU to temb first
        ctx = encoder_hidden_states
        h = self.inp(sample)
        skips = [h]
        for i, level in enumerate(self.down):
            for j, res in enumerate(level.res):
                h = res(h, t)
                if level.attn is not None:
                    h = level.attn[j](h, ctx)
                skips.append(h)
            if i < len(self.downsample):
                h = self.downsample[i](h)
                skips.append(h)
        h = self.mid2(self.mid_attn(self.mid1(h, t), ctx), t)
        for i, level in enumerate(self.up):
            for j, res in enumerate(level.res):
                h = res(torch.cat([h, skips.pop()], 1), t)
                if level.attn is not None:
                    h = level.attn[j](h, ctx)
            if i < len(self.upsample):
                h = self.upsample[i](F.interpolate(h, scale_factor=2.0, mode="nearest"))
        return self.out(h)


def inputs(batch=2):
    torch.manual_seed(0)
    return torch.randn(batch, *LATENT), torch.full((batch,), 500.0), torch.randn(batch, *CONTEXT)


def export(out):
    """torch 1.13's exporter, past 2 GB, writes one file per initializer next to the model; onnx gathers them into one."""
    import onnx

    unet = UNet15().eval()
    tmp, final = f"{out}/.export", f"{out}/unet"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    os.makedirs(final, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(unet, inputs(), f"{tmp}/model.onnx", opset_version=OPSET,
                          input_names=["sample", "timestep", "encoder_hidden_states"], output_names=["out_sample"],
                          dynamic_axes={"sample": {0: "batch"}, "timestep": {0: "batch"},
                                        "encoder_hidden_states": {0: "batch"}, "out_sample": {0: "batch"}})
    params = count(unet)
    del unet
    model = onnx.load(f"{tmp}/model.onnx")  # reads the per-initializer files back in
    onnx.save_model(model, f"{final}/model.onnx", save_as_external_data=True, all_tensors_to_one_file=True,
                    location="model.onnx_data", size_threshold=1024)
    shutil.rmtree(tmp)
    with open(f"{final}/config.json", "w") as f:
        json.dump({"in_channels": LATENT[0], "sample_size": LATENT[1], "cross_attention_dim": CONTEXT[1],
                   "context_length": CONTEXT[0], "parameters": params}, f, indent=2)
    print(json.dumps({"out": final, "parameters": params}))


def time_steps(steps, threads):
    torch.set_num_threads(threads)
    t0 = time.perf_counter()
    unet = UNet15().eval()
    build_s = time.perf_counter() - t0
    x, t, ctx = inputs()
    times = []
    with torch.no_grad():
        unet(x, t, ctx)  # warm-up: allocator and oneDNN primitive caches
        for _ in range(steps):
            t0 = time.perf_counter()
            unet(x, t, ctx)
            times.append(time.perf_counter() - t0)
    print(json.dumps({"torch": torch.__version__, "parameters": count(unet), "build_s": build_s, "step_s": times,
                      "max_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["export", "time", "count"])
    ap.add_argument("--out", default=os.path.join(HERE, "..", "_work-sd15"))
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    if a.mode == "export":
        export(os.path.normpath(a.out))
    elif a.mode == "time":
        time_steps(a.steps, a.threads)
    else:
        print(count(UNet15()))


if __name__ == "__main__":
    main()
