"""The three networks, in Stable Diffusion's roles but small: autoencoder, text transformer, UNet."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


def norm(ch):
    return nn.GroupNorm(min(8, ch), ch)


class ResBlock(nn.Module):
    def __init__(self, cin, cout, temb=0):
        super().__init__()
        self.n1, self.c1 = norm(cin), nn.Conv2d(cin, cout, 3, padding=1)
        self.n2, self.c2 = norm(cout), nn.Conv2d(cout, cout, 3, padding=1)
        self.t = nn.Linear(temb, cout) if temb else None
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else nn.Identity()

    def forward(self, x, t=None):
        h = self.c1(F.silu(self.n1(x)))
        if self.t is not None:
            h = h + self.t(t)[:, :, None, None]
        h = self.c2(F.silu(self.n2(h)))
        return h + self.skip(x)


class Encoder(nn.Module):
    """64×64×3 → 16×16×(2·latent) (mean and log-variance); almost no work at full resolution."""

    def __init__(self, ch=(48, 96), latent=4):
        super().__init__()
        self.d1 = nn.Conv2d(3, ch[0], 4, stride=2, padding=1)        # 32×32
        self.b1 = ResBlock(ch[0], ch[0])
        self.d2 = nn.Conv2d(ch[0], ch[1], 4, stride=2, padding=1)    # 16×16
        self.b2 = ResBlock(ch[1], ch[1])
        self.b3 = ResBlock(ch[1], ch[1])
        self.out = nn.Sequential(norm(ch[1]), nn.SiLU(), nn.Conv2d(ch[1], 2 * latent, 3, padding=1))

    def forward(self, x):
        h = self.b1(self.d1(x))
        h = self.b3(self.b2(self.d2(h)))
        return self.out(h).chunk(2, dim=1)


class Decoder(nn.Module):
    """16×16×latent → 64×64×3 in [-1, 1]; the last upsampling is a transposed convolution."""

    def __init__(self, ch=(128, 64, 32), latent=4):
        super().__init__()
        self.inp = nn.Conv2d(latent, ch[0], 3, padding=1)
        self.b1 = ResBlock(ch[0], ch[0])
        self.b2 = ResBlock(ch[0], ch[0])
        self.up1 = nn.ConvTranspose2d(ch[0], ch[1], 4, stride=2, padding=1)  # 32×32
        self.b3 = ResBlock(ch[1], ch[1])
        self.up2 = nn.ConvTranspose2d(ch[1], ch[2], 4, stride=2, padding=1)  # 64×64
        self.out = nn.Sequential(norm(ch[2]), nn.SiLU(), nn.Conv2d(ch[2], 3, 3, padding=1))

    def forward(self, z):
        h = self.b2(self.b1(self.inp(z)))
        h = self.b3(self.up1(h))
        return torch.tanh(self.out(self.up2(h)))


class TextEncoder(nn.Module):
    """A CLIP-style causal transformer; returns last_hidden_state like CLIPTextModel."""

    def __init__(self, vocab, max_len, width=128, layers=3, heads=4):
        super().__init__()
        self.tok = nn.Embedding(vocab, width)
        self.pos = nn.Parameter(torch.zeros(max_len, width))
        nn.init.normal_(self.pos, std=0.01)
        layer = nn.TransformerEncoderLayer(width, heads, 4 * width, dropout=0.0, activation="gelu",
                                           batch_first=True, norm_first=True)
        self.blocks = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.final = nn.LayerNorm(width)
        mask = torch.full((max_len, max_len), float("-inf")).triu(1)
        self.register_buffer("mask", mask, persistent=False)

    def forward(self, ids):
        h = self.tok(ids) + self.pos[: ids.shape[1]]
        h = self.blocks(h, mask=self.mask[: ids.shape[1], : ids.shape[1]])
        return self.final(h)


class CrossAttention(nn.Module):
    def __init__(self, ch, ctx, heads=4):
        super().__init__()
        self.heads = heads
        self.n = norm(ch)
        self.q = nn.Linear(ch, ch, bias=False)
        self.kv = nn.Linear(ctx, 2 * ch, bias=False)
        self.o = nn.Linear(ch, ch)
        self.ns = nn.LayerNorm(ch)
        self.qkv_self = nn.Linear(ch, 3 * ch, bias=False)
        self.o_self = nn.Linear(ch, ch)

    def attend(self, q, k, v):
        b, n, c = q.shape
        h, d = self.heads, c // self.heads
        q = q.reshape(b, n, h, d).transpose(1, 2)
        k = k.reshape(b, -1, h, d).transpose(1, 2)
        v = v.reshape(b, -1, h, d).transpose(1, 2)
        w = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d), dim=-1)
        return (w @ v).transpose(1, 2).reshape(b, n, c)

    def forward(self, x, ctx):
        b, c, hh, ww = x.shape
        h = self.n(x).reshape(b, c, hh * ww).transpose(1, 2)
        q, k, v = self.qkv_self(self.ns(h)).chunk(3, dim=-1)
        h = h + self.o_self(self.attend(q, k, v))
        k, v = self.kv(ctx).chunk(2, dim=-1)
        h = h + self.o(self.attend(self.q(h), k, v))
        return x + h.transpose(1, 2).reshape(b, c, hh, ww)


def timestep_embedding(t, dim):
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32) / half)
    args = t.float()[:, None] * freqs[None]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=-1)


class UNet(nn.Module):
    """16×16×4 latents; cross-attention to the text at 8×8 and 4×4 and in the middle."""

    def __init__(self, latent=4, ch=(64, 128, 192), ctx=128):
        super().__init__()
        self.ch0 = ch[0]
        temb = ch[0] * 4
        self.temb = nn.Sequential(nn.Linear(ch[0], temb), nn.SiLU(), nn.Linear(temb, temb))
        self.inp = nn.Conv2d(latent, ch[0], 3, padding=1)
        self.e1 = ResBlock(ch[0], ch[0], temb)
        self.down1 = nn.Conv2d(ch[0], ch[0], 3, stride=2, padding=1)
        self.e2 = ResBlock(ch[0], ch[1], temb)
        self.a2 = CrossAttention(ch[1], ctx)
        self.down2 = nn.Conv2d(ch[1], ch[1], 3, stride=2, padding=1)
        self.e3 = ResBlock(ch[1], ch[2], temb)
        self.a3 = CrossAttention(ch[2], ctx)
        self.m1 = ResBlock(ch[2], ch[2], temb)
        self.am = CrossAttention(ch[2], ctx)
        self.m2 = ResBlock(ch[2], ch[2], temb)
        self.d3 = ResBlock(ch[2] * 2, ch[1], temb)
        self.ad3 = CrossAttention(ch[1], ctx)
        self.d2 = ResBlock(ch[1] * 2, ch[0], temb)
        self.ad2 = CrossAttention(ch[0], ctx)
        self.d1 = ResBlock(ch[0] * 2, ch[0], temb)
        self.out = nn.Sequential(norm(ch[0]), nn.SiLU(), nn.Conv2d(ch[0], latent, 3, padding=1))

    def forward(self, sample, timestep, encoder_hidden_states):
        t = self.temb(timestep_embedding(timestep, self.ch0))
        ctx = encoder_hidden_states
        h1 = self.e1(self.inp(sample), t)                       # 16×16
        h2 = self.a2(self.e2(self.down1(h1), t), ctx)           # 8×8
        h3 = self.a3(self.e3(self.down2(h2), t), ctx)           # 4×4
        m = self.m2(self.am(self.m1(h3, t), ctx), t)
        u = self.ad3(self.d3(torch.cat([m, h3], 1), t), ctx)    # 4×4
        u = F.interpolate(u, scale_factor=2.0, mode="nearest")
        u = self.ad2(self.d2(torch.cat([u, h2], 1), t), ctx)    # 8×8
        u = F.interpolate(u, scale_factor=2.0, mode="nearest")
        u = self.d1(torch.cat([u, h1], 1), t)                   # 16×16
        return self.out(u)


def autoencoder_loss(enc, dec, batch):
    """Reconstruction (L1 + L2) through a sampled latent, with a light KL term; returns (loss, kl)."""
    mean, logvar = enc(batch)
    logvar = logvar.clamp(-20, 5)
    z = mean + torch.randn_like(mean) * (0.5 * logvar).exp()
    rec = dec(z)
    kl = 0.5 * (mean.pow(2) + logvar.exp() - 1 - logvar).mean()
    return (rec - batch).abs().mean() + (rec - batch).pow(2).mean() + 1e-4 * kl, kl


def count(m):
    return sum(p.numel() for p in m.parameters())
