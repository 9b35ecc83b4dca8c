"""A small image encoder that learns to tell every emoji apart, used only to judge samples.

The autoencoder's latents compare images almost pixel by pixel, so a sample that shows the right
emoji slightly shifted, blurred or recoloured lands far from it. This encoder is trained to map
each emoji to its own identity under exactly those changes (shifts, scale, colour, noise, blur,
and the autoencoder's own reconstruction, since every sample passes through its decoder), so its
nearest neighbours answer "which emoji does this look like?". It sees every emoji, like the
autoencoder: it is a measuring instrument, not part of the generator.
"""
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Judge(nn.Module):
    def __init__(self, n_classes, dim=128):
        super().__init__()
        chans = [3, 32, 64, 128, 256]
        layers = []
        for a, b in zip(chans, chans[1:]):
            layers += [nn.Conv2d(a, b, 3, stride=2, padding=1), nn.GroupNorm(8, b), nn.SiLU(), nn.Conv2d(b, b, 3, padding=1), nn.GroupNorm(8, b), nn.SiLU()]
        self.features = nn.Sequential(*layers)
        self.embed = nn.Linear(256, dim)
        self.classify = nn.Linear(dim, n_classes)

    def features_of(self, x):
        return self.embed(self.features(x).mean((2, 3)))

    def forward(self, x):
        """Unit-length embeddings of images in [-1, 1]."""
        return F.normalize(self.features_of(x), dim=1)

    def logits(self, x):
        return self.classify(self.features_of(x))


def augment(x, g):
    n = len(x)
    # Scale and shift, as one affine warp per image.
    s = 1 + (torch.rand(n, generator=g) - 0.5) * 0.2
    t = (torch.rand(n, 2, generator=g) - 0.5) * 0.15
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = s
    theta[:, 1, 1] = s
    theta[:, :, 2] = t
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    x = F.grid_sample(x, grid, padding_mode="border", align_corners=False)
    # Brightness, contrast, saturation.
    b = (torch.rand(n, 1, 1, 1, generator=g) - 0.5) * 0.2
    c = 1 + (torch.rand(n, 1, 1, 1, generator=g) - 0.5) * 0.3
    grey = x.mean(1, keepdim=True)
    sat = 1 + (torch.rand(n, 1, 1, 1, generator=g) - 0.5) * 0.4
    x = (grey + (x - grey) * sat - x.mean((1, 2, 3), keepdim=True)) * c + x.mean((1, 2, 3), keepdim=True) + b
    # Blur some, add noise to all.
    blur = torch.rand(n, generator=g) < 0.3
    if blur.any():
        x[blur] = F.avg_pool2d(x[blur], 3, stride=1, padding=1, count_include_pad=False)
    x = x + torch.randn(x.shape, generator=g) * 0.03
    return x.clamp(-1, 1)


def train_or_load(work, images, enc, dec, minutes, log):
    """`images`: every emoji in [-1, 1], N×3×64×64. Resumes from work/judge.pt."""
    path = f"{work}/judge.pt"
    judge = Judge(len(images))
    opt = torch.optim.AdamW(judge.parameters(), 3e-3, weight_decay=1e-4)
    step = 0
    if os.path.exists(path):
        ck = torch.load(path)
        judge.load_state_dict(ck["judge"])
        opt.load_state_dict(ck["opt"])
        step = ck["step"]
    with torch.no_grad():
        recon = torch.cat([dec(enc(images[i:i + 256])[0]) for i in range(0, len(images), 256)]).clamp(-1, 1)
    g = torch.Generator().manual_seed(step)
    deadline = time.time() + minutes * 60
    while time.time() < deadline:
        idx = torch.randint(0, len(images), (128,), generator=g)
        use_recon = (torch.rand(128, generator=g) < 0.5).view(-1, 1, 1, 1)
        x = augment(torch.where(use_recon, recon[idx], images[idx]), g)
        loss = F.cross_entropy(judge.logits(x), idx)
        opt.zero_grad(); loss.backward(); opt.step()
        step += 1
        if step % 100 == 0:
            log(f"judge step {step} loss {loss.item():.3f}")
            torch.save({"judge": judge.state_dict(), "opt": opt.state_dict(), "step": step}, path)
    torch.save({"judge": judge.state_dict(), "opt": opt.state_dict(), "step": step}, path)
    judge.eval()
    with torch.no_grad():
        acc = torch.cat([judge.logits(augment(recon[i:i + 256], torch.Generator().manual_seed(i))).argmax(1) for i in range(0, len(recon), 256)])
        acc = (acc == torch.arange(len(images))).float().mean()
    log(f"judge: {step} steps, identifies {acc.item():.1%} of augmented reconstructions")
    return judge, step


@torch.no_grad()
def embed(judge, x):
    return torch.cat([judge(x[i:i + 256].clamp(-1, 1)) for i in range(0, len(x), 256)])
