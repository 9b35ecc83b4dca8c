"""Measures the print-ready network on the emoji the diffusion model holds out (and so does this one).

RGB is compared composited over white, as the image on white would print; the baselines are PIL's
bicubic and Lanczos from the same 64 px input; alpha is compared with the SVG's own.
"""
import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

import upscale_data
from upscale_net import SCALE, composite


def psnr(a, b):
    mse = float(((a - b) ** 2).mean())
    return 10 * np.log10(1.0 / max(mse, 1e-12))


def luma(rgb):
    return rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114


def ssim(a, b):
    """SSIM of luma (Y), Gaussian window σ 1.5 (Wang et al. 2004), images [h, w, 3] in [0, 1]."""
    x = torch.from_numpy(np.ascontiguousarray(luma(a)))[None, None].float()
    y = torch.from_numpy(np.ascontiguousarray(luma(b)))[None, None].float()
    k = torch.exp(-torch.arange(-5, 6, dtype=torch.float32) ** 2 / 4.5)
    k = (k / k.sum())
    w = (k[:, None] * k[None, :]).view(1, 1, 11, 11)
    blur = lambda t: F.conv2d(t, w)  # noqa: E731
    mx, my = blur(x), blur(y)
    vx, vy, cxy = blur(x * x) - mx ** 2, blur(y * y) - my ** 2, blur(x * y) - mx * my
    c1, c2 = 0.01 ** 2, 0.03 ** 2
    s = ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx ** 2 + my ** 2 + c1) * (vx + vy + c2))
    return float(s.mean())


def iou(a, b):
    return float((a & b).sum() / max(1, (a | b).sum()))


def resize(rgb, size, method):
    img = Image.fromarray((rgb * 255).round().clip(0, 255).astype(np.uint8))
    return np.asarray(img.resize((size, size), method), dtype=np.float32) / 255


def upscale(net, x):
    with torch.no_grad():
        out = net(torch.from_numpy(np.ascontiguousarray(x)).permute(2, 0, 1)[None])
        white = composite(out, 1.0)[0].permute(1, 2, 0).numpy()
        alpha = out[0, 3].numpy()
    return white, alpha


def score(net, inputs, targets, idx):
    rows = {k: [] for k in ("ours256", "lanczos256", "bicubic256", "ours1024", "lanczos1024",
                            "ssim_ours256", "ssim_lanczos256", "ssim_bicubic256", "ssim_ours1024", "ssim_lanczos1024",
                            "iou_ours", "iou_baseline")}
    for i in idx:
        x = (np.round(inputs[i] * 255) / 255).astype(np.float32)  # what a PNG of the input holds
        t1024 = upscale_data.on_white(targets[i])
        t256 = upscale_data.box_down(t1024, 4)
        ours, alpha = upscale(net, x)
        ours256 = upscale_data.box_down(ours, 4)
        lan256, bic256 = resize(x, 256, Image.LANCZOS), resize(x, 256, Image.BICUBIC)
        lan1024 = resize(x, 1024, Image.LANCZOS)
        rows["ours256"].append(psnr(ours256, t256)); rows["ssim_ours256"].append(ssim(ours256, t256))
        rows["lanczos256"].append(psnr(lan256, t256)); rows["ssim_lanczos256"].append(ssim(lan256, t256))
        rows["bicubic256"].append(psnr(bic256, t256)); rows["ssim_bicubic256"].append(ssim(bic256, t256))
        rows["ours1024"].append(psnr(ours, t1024)); rows["ssim_ours1024"].append(ssim(ours, t1024))
        rows["lanczos1024"].append(psnr(lan1024, t1024)); rows["ssim_lanczos1024"].append(ssim(lan1024, t1024))
        truth = targets[i][..., 3] > 127
        rows["iou_ours"].append(iou(alpha > 0.5, truth))
        rows["iou_baseline"].append(iou(lan1024.min(axis=2) < 0.94, truth))
    return {k: float(np.mean(v)) for k, v in rows.items()}


def run(net, items, inputs, autoencoded, targets):
    idx = [i for i, it in enumerate(items) if it["split"] == "heldout"]
    return {"heldout_clean": score(net, inputs, targets, idx),
            "heldout_autoencoded": score(net, autoencoded, targets, idx),
            "n": len(idx)}
