"""Writes MODEL_CARD.md beside the exported model from its metrics and configs.

    /usr/bin/python3 worker/recipe/card.py [model_dir]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def size_mb(folder):
    total = 0
    for root, _, files in os.walk(folder):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total / 1e6


def judge_section(m):
    """The same retrieval with the recipe's judge encoder, when the run trained one."""
    j = m.get("judge")
    if not j:
        return ""
    rows = "\n".join(
        f"| {label} | {e['n']} | {e['top5']:.1%} | {e['group']:.1%} | {e['ceiling_top5']:.1%} | {e['ceiling_group']:.1%} |"
        for label, e in (("held-out phrasings of seen emoji", j["seen_heldout_phrasing"]), ("emoji held out of training", j["heldout_emoji"]))
    )
    return f"""
The autoencoder's latents compare images nearly pixel by pixel. The recipe also trains a judge
(`judge.py`, {m.get('judge_steps', '—')} steps): a small encoder taught to tell all emoji apart under shifts,
scaling, colour changes, blur, noise and the autoencoder's own reconstruction, so that its nearest
neighbours answer "which emoji does this look like?". The same retrieval with it:

| set | n | top-5 retrieval | nearest in the caption's group | ceiling top-5 | ceiling group |
|---|---|---|---|---|---|
{rows}
"""


def resumed_text(m):
    r = m.get("resumed")
    if not r:
        return ""
    return (f"\n\nThis run resumed from the bundled model `{r.get('from_version', '?')}` on a clone without the recipe's"
            f" checkpoints: its UNet, text encoder and decoder were read back from ONNX, and a new encoder was fitted"
            f" to the frozen decoder in {r['encoder_fit_steps']} steps (reconstruction L1 {r['reconstruction_l1']:.3f} on"
            f" [-1, 1]); the bundled UNet's denoising loss on the new encoder's latents was {r['denoising_loss']:.3f}"
            f" ({r['denoising_loss_shuffled']:.3f} with the captions shuffled).")


def phases_text(m):
    phases = m.get("ldm_phases") or [{"from_step": 0, "lr": 3e-4, "tone_weight": 1.0}]
    rows = "\n".join(f"| {p['from_step']:,} | {lr_text(p)} | {p['tone_weight']:g} | {p.get('flag_weight', 1.0):g} |"
                     f" {loss_text(p)} |" for p in phases)
    return ("\n\n| from UNet step | learning rate | skin-tone variants drawn at | flags drawn at | loss |\n"
            "|---|---|---|---|---|\n" + rows + "\n\nDraw rates are relative to any other emoji.")


def lr_text(p):
    end = p.get("lr_end", p["lr"])
    return f"{p['lr']:g}" if end == p["lr"] else f"{p['lr']:g} → {end:g} (linear over the run)"


def loss_text(p):
    return f"min-SNR-{p['min_snr']:g}" if p.get("min_snr") else "plain ε"


def write(out):
    m = json.load(open(f"{out}/metrics.json"))
    index = json.load(open(f"{out}/model_index.json"))
    seen, held = m["seen_heldout_phrasing"], m["heldout_emoji"]
    extra = m.get("onnxruntime_node", {})
    checks = [
        ("top-5 retrieval for held-out phrasings", seen["top5"], 0.5),
        ("nearest in the caption's group", seen["group"], 0.7),
        ("group for emoji held out of training", held["group"], 0.5),
    ]
    met = [f"{name} {value:.1%} (goal ≥ {goal:.0%})" for name, value, goal in checks if value >= goal]
    missed = [f"{name} {value:.1%} (goal ≥ {goal:.0%})" for name, value, goal in checks if value < goal]
    status = (f"Meets: {'; '.join(met)}." if met else "") + (
        f" Below: {'; '.join(missed)}. This run trained for {m['ldm_train_seconds'] / 60:.0f} minutes on two shared CPU "
        "cores; run the recipe longer (it resumes), or with a GPU, to improve it." if missed else " Meets every quality goal."
    )
    text = f"""# merchboard-emoji

A small text-to-image latent diffusion model that Merchboard trains itself and ships, so that the
product generates real images on a fresh machine without reaching any model hub. Same parts and
file layout as Stable Diffusion (ONNX): CLIP-style tokenizer and text transformer, UNet with
cross-attention, autoencoder decoder, DDIM scheduler config.

- Version: `{index['version']}` · output {index['width']}×{index['height']} RGB · {size_mb(out):.1f} MB in all
- Recipe: `worker/recipe/run.py` (one command; checkpoints and resumes)

## Data and licences

- Images: the colour bitmaps of **Noto Color Emoji** (Debian `fonts-noto-color-emoji`), © Google,
  **Apache License 2.0**. Composited on white, padded square, resized to 64×64.
- Text: English names and keywords from **Unicode CLDR** annotations (Debian `unicode-cldr-core`,
  `annotations/en.xml` and `annotationsDerived/en.xml`), © Unicode, Inc., **Unicode License v3**.
- Groups for evaluation: `emoji-test.txt` from Debian `unicode-data` (Unicode License v3).
- Captions: the CLDR name alone or with up to three random keywords, sometimes as "… emoji" or
  "emoji of …"; flags also as "flag of …" or "… flag", with short names for a few countries
  ("flag of korea"). Where the font draws several CLDR names with one glyph (a territory flying its
  country's flag), the image carries all of them and is named after the country. 5 % of emoji are held out of training entirely (chosen with a fixed seed).

## Architecture

| part | shape | parameters |
|---|---|---|
| tokenizer | byte-level BPE trained on the captions, CLIP format, 32 tokens | {m.get('vocab_size', '—')} tokens |
| text encoder | causal transformer, width 128, 3 layers, 4 heads (`last_hidden_state`) | {m.get('text_params', '—')} |
| UNet | 16×16×4 latents, channels 64/128/192, self- and cross-attention at 8×8, 4×4 and the middle | {m.get('unet_params', '—')} |
| autoencoder | KL autoencoder, 64×64×3 ↔ 16×16×4, scaling factor {json.load(open(f'{out}/vae_decoder/config.json'))['scaling_factor']:.4f} | decoder {m.get('decoder_params', '—')} |
| scheduler | DDPM scaled-linear betas 0.00085–0.012, 1,000 steps, ε-prediction | — |

Exported with ONNX opset 17 from Debian's PyTorch 1.13; runs on onnxruntime-node's CPU provider.

## Training

{m.get('ae_steps', '—')} autoencoder steps (batch 32), then {m['ldm_steps']} UNet + text-encoder steps (batch 64, AdamW,
EMA 0.999, 10 % empty captions for classifier-free guidance) in {m['ldm_train_seconds'] / 60:.0f} minutes on
{m['threads']} CPU threads.{resumed_text(m)}{phases_text(m)}

## Quality

Generated with 20 DDIM steps, guidance 4. Each image is embedded with the autoencoder's encoder
(mean latent, centred, cosine similarity) and compared with all {m.get('n_emoji', '~3,600')} real emoji.
"Ceiling" is the same measure for the real images passed through the autoencoder.

| set | n | top-5 retrieval | nearest in the caption's group | ceiling top-5 | ceiling group | chance top-5 |
|---|---|---|---|---|---|---|
| held-out phrasings ("a picture of …") of seen emoji | {seen['n']} | {seen['top5']:.1%} | {seen['group']:.1%} | {seen['ceiling_top5']:.1%} | {seen['ceiling_group']:.1%} | {seen['chance_top5']:.2%} |
| emoji held out of training | {held['n']} | {held['top5']:.1%} | {held['group']:.1%} | {held['ceiling_top5']:.1%} | {held['ceiling_group']:.1%} | {held['chance_top5']:.2%} |
{judge_section(m)}
Speed, one 64×64 image, 20 steps with guidance: {m['pytorch_seconds_per_image_20_steps']:.2f} s in PyTorch (training
machine, {m['threads']} threads){'; ' + format(extra['ms_per_image'], '.0f') + ' ms in onnxruntime-node (CPU provider)' if extra else ''}.

## Status

{status}

## Samples

16 prompts, seed 42 (`samples.png`):

![sample grid](samples.png)

## Limits

64×64 only; a few thousand images of one visual style, so it draws emoji-like icons and nothing
else. Prompts outside the CLDR vocabulary fall back to generic shapes.
"""
    with open(f"{out}/MODEL_CARD.md", "w") as f:
        f.write(text)


if __name__ == "__main__":
    write(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "models", "merchboard-emoji"))
