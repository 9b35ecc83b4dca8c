"""Writes the print-ready network's folder: model.onnx and config.json (what the worker reads)."""
import hashlib
import json
import os

import torch

from upscale_net import SCALE

OPSET = 17


def write(out, net):
    os.makedirs(out, exist_ok=True)
    path = f"{out}/model.onnx"
    with torch.no_grad():
        torch.onnx.export(net.eval(), torch.rand(1, 3, 64, 64), path, opset_version=OPSET,
                          input_names=["image"], output_names=["rgba"],
                          dynamic_axes={"image": {0: "batch", 2: "height", 3: "width"},
                                        "rgba": {0: "batch", 2: "out_height", 3: "out_width"}})
    with open(path, "rb") as f:
        version = hashlib.sha256(f.read()).hexdigest()[:16]
    # Every conv is 3×3: a tile needs as many input pixels of context as there are convs on the
    # way to each output pixel, counted at the input's resolution (the ones after the first
    # upscale count a quarter each, rounded up).
    convs_at_input = net.config["body"] + 2
    margin = convs_at_input + (net.config["mid_body"] + 1 + 3) // 4 + 1
    with open(f"{out}/config.json", "w") as f:
        json.dump({"name": "merchboard-print-ready", "version": version, "scale": SCALE,
                   "input": {"name": "image", "layout": "NCHW", "channels": "RGB", "range": [0, 1], "background": "white"},
                   "output": {"name": "rgba", "channels": "RGBA", "alpha": "straight", "range": [0, 1]},
                   "tile": 64, "tile_margin": margin}, f, indent=2)
    return version
