"""The Python half of `npm run bench:upscale`: the held-out emoji as files, and PyTorch's time.

    /usr/bin/python3 worker/recipe/upscale_bench.py <model_dir> <out_dir> [--runs N] [--threads T]

Writes <out_dir>/heldout/<i>-input.png (64 px on white) and <i>-target.png (the SVG at 1024 px
with alpha) for the diffusion recipe's held-out emoji, then times the shipped network in PyTorch:
its weights are read back from the ONNX file into the recipe's module, so the same network runs
in both runtimes. Prints one JSON line.
"""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import from_model  # noqa: E402
import upscale_data  # noqa: E402
from upscale_export import OPSET  # noqa: E402
from upscale_net import SCALE, PrintReadyNet  # noqa: E402


def export_for_mapping(net, path):
    with torch.no_grad():
        torch.onnx.export(net.eval(), torch.rand(1, 3, 64, 64), path, opset_version=OPSET, input_names=["image"], output_names=["rgba"],
                          dynamic_axes={"image": {0: "batch", 2: "height", 3: "width"}, "rgba": {0: "batch", 2: "out_height", 3: "out_width"}})
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="at most this many held-out emoji (0: all)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    folder = f"{args.out_dir}/heldout"
    os.makedirs(folder, exist_ok=True)
    held = [it for it in upscale_data.matched_items() if it["split"] == "heldout"]
    if args.limit:
        held = held[:args.limit]
    for i, it in enumerate(held):
        target = upscale_data.render(it["svg"], 64 * SCALE)
        x = upscale_data.box_down(upscale_data.on_white(target), SCALE)
        Image.fromarray((x * 255).round().clip(0, 255).astype(np.uint8)).save(f"{folder}/{i}-input.png")
        Image.fromarray(target).save(f"{folder}/{i}-target.png")
    with open(f"{args.model_dir}/metrics.json") as f:
        config = json.load(f)["config"]
    net = from_model._load(PrintReadyNet(**config), export_for_mapping, f"{args.model_dir}/model.onnx").eval()
    x = torch.from_numpy(np.asarray(Image.open(f"{folder}/0-input.png"), dtype=np.float32) / 255).permute(2, 0, 1)[None]
    times = []
    with torch.no_grad():
        net(x)
        for _ in range(args.runs):
            t0 = time.perf_counter()
            net(x)
            times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"heldout": len(held), "names": [it["name"] for it in held], "torch_ms": times,
                      "torch_ms_p50": statistics.median(times), "threads": args.threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
