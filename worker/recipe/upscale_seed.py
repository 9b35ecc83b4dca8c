"""Continues training from the shipped print-ready network when no checkpoint is at hand.

Checkpoints live outside git, so a fresh clone has none; the shipped model.onnx holds the same
weights. Conv weights keep their parameter names in the export; PReLU slopes are exported as
anonymous [C, 1, 1] initializers, and are matched to the network's PReLUs in the order the graph
uses them (the forward order). The step count and training phases come from the shipped metrics.
"""
import json

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn


def load_shipped(net, out_dir):
    """Loads `out_dir`'s model.onnx into `net`; returns (step, seconds, phases) from its metrics."""
    model = onnx.load(f"{out_dir}/model.onnx")
    weights = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    slopes = [weights[n.input[1]] for n in model.graph.node if n.op_type == "PRelu"]
    prelus = [m for m in net.modules() if isinstance(m, nn.PReLU)]
    if len(slopes) != len(prelus):
        raise ValueError(f"the shipped model has {len(slopes)} PReLUs, the network {len(prelus)}")
    state = net.state_dict()
    for name in state:
        if name in weights:
            state[name] = torch.from_numpy(np.array(weights[name])).reshape(state[name].shape)
    for module, slope in zip(prelus, slopes):
        module.weight.data = torch.from_numpy(np.array(slope)).reshape(module.weight.shape)
    missing = [n for n in state if n not in weights and not any(p.weight is net.get_parameter(n) for p in prelus)]
    if missing:
        raise ValueError(f"the shipped model lacks {missing}")
    net.load_state_dict({k: v for k, v in state.items() if k in weights}, strict=False)
    with open(f"{out_dir}/metrics.json") as f:
        metrics = json.load(f)
    return metrics["steps"], float(metrics["train_seconds"]), metrics["phases"]
