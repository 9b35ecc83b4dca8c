"""The print-ready network: 64 px RGB on white → RGBA at 16× (1024 px), with its loss.

A compact residual CNN in the manner of SRVGG (Real-ESRGAN's compact model): plain 3×3 convs with
PReLU at the input's resolution, then two ×4 pixel-shuffle stages (64 → 256 → 1024). The RGB head
adds its output to the input upsampled, so the network learns only what interpolation misses; the
alpha head is a logit, since nothing in an image on white says directly what is background.
"""
import torch
from torch import nn
import torch.nn.functional as F

SCALE = 16


class PrintReadyNet(nn.Module):
    def __init__(self, feats=64, body=8, mid=32, mid_body=3):
        super().__init__()
        self.config = {"feats": feats, "body": body, "mid": mid, "mid_body": mid_body}
        layers = [nn.Conv2d(3, feats, 3, padding=1), nn.PReLU(feats)]
        for _ in range(body):
            layers += [nn.Conv2d(feats, feats, 3, padding=1), nn.PReLU(feats)]
        self.body = nn.Sequential(*layers)
        self.up1 = nn.Sequential(nn.Conv2d(feats, mid * 16, 3, padding=1), nn.PixelShuffle(4), nn.PReLU(mid))
        mids = []
        for _ in range(mid_body):
            mids += [nn.Conv2d(mid, mid, 3, padding=1), nn.PReLU(mid)]
        self.mid = nn.Sequential(*mids)
        self.up2 = nn.Sequential(nn.Conv2d(mid, 4 * 16, 3, padding=1), nn.PixelShuffle(4))

    def forward(self, image):
        """image: [n, 3, h, w] in [0, 1] on white → [n, 4, 16h, 16w] straight RGBA in [0, 1]."""
        f = self.body(image)
        f = self.mid(self.up1(f)) + 0  # keeps the graph simple for export
        out = self.up2(f)
        base = F.interpolate(image, scale_factor=SCALE, mode="bilinear", align_corners=False)
        rgb = (base + out[:, :3]).clamp(0, 1)
        alpha = torch.sigmoid(out[:, 3:4])
        return torch.cat([rgb, alpha], dim=1)


def composite(rgba, background):
    return rgba[:, :3] * rgba[:, 3:4] + background * (1 - rgba[:, 3:4])


def loss(pred, target):
    """L1 of the composite over white and over black (which together pin colour and coverage)
    plus L1 of alpha; colour where alpha is 0 is free, as it is in the PNG."""
    return (F.l1_loss(composite(pred, 1.0), composite(target, 1.0))
            + F.l1_loss(composite(pred, 0.0), composite(target, 0.0))
            + F.l1_loss(pred[:, 3:4], target[:, 3:4]))


def count(m):
    return sum(p.numel() for p in m.parameters())
