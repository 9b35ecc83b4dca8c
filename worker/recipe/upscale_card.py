"""Writes MODEL_CARD.md beside the exported print-ready network from its metrics.

    /usr/bin/python3 worker/recipe/upscale_card.py [model_dir]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def table(s):
    return f"""| measure | ours | Lanczos | bicubic | ours − Lanczos |
|---|---|---|---|---|
| PSNR at 256 (×4), dB | {s['ours256']:.2f} | {s['lanczos256']:.2f} | {s['bicubic256']:.2f} | {s['ours256'] - s['lanczos256']:+.2f} |
| SSIM at 256 | {s['ssim_ours256']:.4f} | {s['ssim_lanczos256']:.4f} | {s['ssim_bicubic256']:.4f} | {s['ssim_ours256'] - s['ssim_lanczos256']:+.4f} |
| PSNR at 1024 (×16), dB | {s['ours1024']:.2f} | {s['lanczos1024']:.2f} | — | {s['ours1024'] - s['lanczos1024']:+.2f} |
| SSIM at 1024 | {s['ssim_ours1024']:.4f} | {s['ssim_lanczos1024']:.4f} | — | {s['ssim_ours1024'] - s['ssim_lanczos1024']:+.4f} |
| alpha IoU (α > 0.5) at 1024 | {s['iou_ours']:.4f} | {s['iou_baseline']:.4f} (not near-white → opaque) | — | {100 * (s['iou_ours'] - s['iou_baseline']):+.1f} points |"""


def write(out):
    m = json.load(open(f"{out}/metrics.json"))
    phases = "\n".join(f"| {p['from_step']:,} | {p['lr']:g} | {p['batch']} | {p['crop']} px → {p['crop'] * 16} px |"
                       for p in m["phases"])
    size = os.path.getsize(f"{out}/model.onnx") / 1e6
    c = m["config"]
    text = f"""# merchboard-print-ready `{m['version']}`

Turns a 64 × 64 image on white (what the bundled diffusion model draws) into a 1024 × 1024 RGBA
image with a transparent background, for printing on goods.

- Architecture: a compact residual CNN (after SRVGG / Real-ESRGAN's compact model):
  {c['body'] + 1} 3×3 convs of {c['feats']} channels with PReLU at 64 px, ×4 pixel shuffle, {c['mid_body']} convs of
  {c['mid']} channels at 256 px, ×4 pixel shuffle to RGB (added to the bilinear upscale of the input)
  and an alpha logit. {m['params']:,} parameters, ONNX opset 17, {size:.1f} MB.
- Recipe: `worker/recipe/upscale_run.py` (one command; checkpoints and resumes; `--smoke` runs in `npm test`).
- Data: Noto Emoji's SVG artwork (`@svgmoji/noto`, Apache License 2.0; flags public domain) rendered
  with cairosvg at 1024 px with alpha; the input is the exact 16× box downscale on white, degraded in
  training as generation degrades it (the diffusion model's own autoencoder reconstruction, Gaussian
  blur, colour noise and gain), with random 90° turns and flips.
- Split: the diffusion recipe's own. The {m['n_heldout']} emoji it holds out are held out here too; it
  trained on {m['n_train']:,}.
- Training: {m['steps']:,} steps, {m['train_seconds'] / 3600:.1f} h on {m['threads']} CPU threads
  (L1 of the composite over white and over black, plus L1 of alpha).

| from step | learning rate | batch | crop (input → target) |
|---|---|---|---|
{phases}

## Measured on the {m['n']} held-out emoji

Clean inputs (the SVG downscaled to 64 px):

{table(m['heldout_clean'])}

Inputs as the diffusion model's autoencoder returns them:

{table(m['heldout_autoencoded'])}

`npm run bench:upscale` measures the same in the product's runtime (onnxruntime-node, a Lanczos-3
enlargement and sharp's bicubic), times it against PyTorch, and draws `samples-print-ready.png` from
generated images.

## Limits

- It knows emoji-like flat artwork with outlines. Photos, or art unlike Noto's, come out smooth
  rather than sharp, and its cut-out guesses from what looks like background.
- Noto's SVG flags are flat rectangles while the colour font (and so the diffusion model) draws
  them waving; generated flags get a cut-out learnt from other shapes.
- The network sees about a dozen input pixels around each output pixel: too little to tell a large
  white region inside an outline (a flag's field, the whites of eyes) from the background. The
  product's upscaler therefore keeps near-white pixels that cannot reach the image's border through
  other near-white pixels opaque (`worker/printReady/enclosedWhite.ts`); white that touches the
  border through a gap in an outline is still taken as background.
"""
    with open(f"{out}/MODEL_CARD.md", "w") as f:
        f.write(text)


if __name__ == "__main__":
    write(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "models", "merchboard-print-ready"))
