"""Writes the model folder in Stable Diffusion's ONNX layout."""
import hashlib
import json
import os
import shutil

import torch

from diffusion import SCHEDULER_CONFIG

OPSET = 17


class DecoderOnly(torch.nn.Module):
    def __init__(self, dec):
        super().__init__()
        self.dec = dec

    def forward(self, latent_sample):
        return self.dec(latent_sample)


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)


def write_model(out, tok, text, unet, dec, scale, max_len):
    os.makedirs(out, exist_ok=True)
    for sub in ("tokenizer", "text_encoder", "unet", "vae_decoder", "scheduler"):
        os.makedirs(f"{out}/{sub}", exist_ok=True)
    tok.save(f"{out}/tokenizer")
    text, unet, dec = text.eval(), unet.eval(), dec.eval()
    ids = torch.tensor([tok.encode("red heart")], dtype=torch.int32)
    with torch.no_grad():
        export_text(text, ids, f"{out}/text_encoder/model.onnx")
        export_unet(unet, text(ids.long()).repeat(2, 1, 1), f"{out}/unet/model.onnx")
        export_decoder(dec, f"{out}/vae_decoder/model.onnx")
    write_json(f"{out}/scheduler/scheduler_config.json", SCHEDULER_CONFIG)
    write_json(f"{out}/vae_decoder/config.json", {"scaling_factor": scale, "latent_channels": 4,
                                                  "sample_size": 64, "downsample_factor": 4})
    write_json(f"{out}/text_encoder/config.json", {"hidden_size": text.final.normalized_shape[0],
                                                   "max_position_embeddings": max_len})
    write_json(f"{out}/unet/config.json", {"in_channels": 4, "sample_size": 16,
                                           "cross_attention_dim": text.final.normalized_shape[0]})
    h = hashlib.sha256()
    for sub in ("text_encoder", "unet", "vae_decoder"):
        with open(f"{out}/{sub}/model.onnx", "rb") as f:
            h.update(f.read())
    write_json(f"{out}/model_index.json", {
        "_class_name": "OnnxStableDiffusionPipeline",
        "name": "merchboard-emoji",
        "version": h.hexdigest()[:16],
        "width": 64, "height": 64,
        "tokenizer": ["transformers", "CLIPTokenizer"],
        "text_encoder": ["onnxruntime", "OnnxRuntimeModel"],
        "unet": ["onnxruntime", "OnnxRuntimeModel"],
        "vae_decoder": ["onnxruntime", "OnnxRuntimeModel"],
        "scheduler": ["diffusers", "DDIMScheduler"],
    })


def export_text(text, ids, path):
    torch.onnx.export(_IdsAsLong(text), (ids,), path, opset_version=OPSET,
                      input_names=["input_ids"], output_names=["last_hidden_state"],
                      dynamic_axes={"input_ids": {0: "batch"}, "last_hidden_state": {0: "batch"}})


def export_unet(unet, ctx, path):
    torch.onnx.export(unet, (torch.randn(2, 4, 16, 16), torch.tensor([500.0, 500.0]), ctx), path, opset_version=OPSET,
                      input_names=["sample", "timestep", "encoder_hidden_states"], output_names=["out_sample"],
                      dynamic_axes={"sample": {0: "batch"}, "timestep": {0: "batch"},
                                    "encoder_hidden_states": {0: "batch"}, "out_sample": {0: "batch"}})


def export_decoder(dec, path):
    torch.onnx.export(DecoderOnly(dec), (torch.randn(1, 4, 16, 16),), path, opset_version=OPSET,
                      input_names=["latent_sample"], output_names=["sample"],
                      dynamic_axes={"latent_sample": {0: "batch"}, "sample": {0: "batch"}})


class _IdsAsLong(torch.nn.Module):
    """CLIP's ONNX export takes int32 ids; embedding lookups want int64."""

    def __init__(self, text):
        super().__init__()
        self.text = text

    def forward(self, input_ids):
        return self.text(input_ids.long())
