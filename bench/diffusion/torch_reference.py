"""PyTorch side of bench/diffusion: the bundled model's architecture with random weights (timing does
not depend on the values), same shapes and step count as the onnxruntime-node side. Prints JSON."""
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "worker", "models", "recipe"))
import nets  # noqa: E402
from diffusion import sample_ddim  # noqa: E402

threads, steps, repeats = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(0)
unet, text, dec = nets.UNet().eval(), nets.TextEncoder(3514, 32).eval(), nets.Decoder().eval()
x = torch.randn(2, 4, 16, 16)
t = torch.tensor([500.0, 500.0])
ids = torch.randint(0, 3514, (2, 32))
with torch.no_grad():
    ctx = text(ids)
    for _ in range(5):
        unet(x, t, ctx)
    t0 = time.perf_counter()
    for _ in range(repeats):
        unet(x, t, ctx)
    step_ms = (time.perf_counter() - t0) / repeats * 1000
    t0 = time.perf_counter()
    for _ in range(3):
        c = text(ids[:1])
        z = sample_ddim(unet, c, text(ids[1:]), (1, 4, 16, 16), steps, 4.0)
        dec(z)
    image_ms = (time.perf_counter() - t0) / 3 * 1000
print(json.dumps({"torch": torch.__version__, "step_ms": step_ms, "image_ms": image_ms}))
