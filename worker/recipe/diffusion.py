"""The noise schedule Stable Diffusion uses, and a DDIM sampler with classifier-free guidance."""
import torch

SCHEDULER_CONFIG = {
    "_class_name": "DDIMScheduler",
    "num_train_timesteps": 1000,
    "beta_start": 0.00085,
    "beta_end": 0.012,
    "beta_schedule": "scaled_linear",
    "prediction_type": "epsilon",
    "clip_sample": False,
    "set_alpha_to_one": False,
    "steps_offset": 1,
    "timestep_spacing": "leading",
}


class Schedule:
    def __init__(self, cfg=SCHEDULER_CONFIG):
        self.T = cfg["num_train_timesteps"]
        betas = torch.linspace(cfg["beta_start"] ** 0.5, cfg["beta_end"] ** 0.5, self.T, dtype=torch.float64) ** 2
        self.alphas_cumprod = torch.cumprod(1 - betas, 0).float()


@torch.no_grad()
def sample_ddim(unet, cond, uncond, shape, steps=20, guidance=4.0, generator=None, schedule=None):
    s = schedule or Schedule()
    ratio = s.T // steps
    timesteps = [i * ratio + 1 for i in range(steps)][::-1]
    z = torch.randn(shape, generator=generator)
    ctx = torch.cat([uncond, cond])
    for i, t in enumerate(timesteps):
        tt = torch.full((2 * shape[0],), float(t))
        e_u, e_c = unet(torch.cat([z, z]), tt, ctx).chunk(2)
        eps = e_u + guidance * (e_c - e_u)
        a = s.alphas_cumprod[t]
        prev = timesteps[i + 1] if i + 1 < steps else -1
        a_prev = s.alphas_cumprod[prev] if prev >= 0 else s.alphas_cumprod[0]
        x0 = (z - (1 - a).sqrt() * eps) / a.sqrt()
        z = a_prev.sqrt() * x0 + (1 - a_prev).sqrt() * eps
    return z
