import type { SeededNormal } from "../random";
import { alphasCumprod, toEpsilon, type SchedulerConfig } from "./config";
import type { Scheduler } from "./scheduler";

/** Latent consistency sampling (for LCM-distilled models), as diffusers' LCMScheduler. */
export class LcmScheduler implements Scheduler {
  readonly timesteps: number[];
  readonly initNoiseSigma = 1;
  private readonly ac: Float64Array;
  private readonly finalAlpha: number;

  constructor(
    private readonly config: SchedulerConfig,
    steps: number,
  ) {
    this.ac = alphasCumprod(config);
    this.finalAlpha = config.set_alpha_to_one ? 1 : this.ac[0]!;
    const original = Math.min(config.original_inference_steps, config.num_train_timesteps);
    const k = Math.floor(config.num_train_timesteps / original);
    const origin = Array.from({ length: original }, (_, i) => (i + 1) * k - 1).reverse();
    const skip = Math.max(1, Math.floor(origin.length / steps));
    this.timesteps = origin.filter((_, i) => i % skip === 0).slice(0, steps);
  }

  scaleModelInput(sample: Float32Array): Float32Array {
    return sample;
  }

  step(out: Float32Array, i: number, sample: Float32Array, rng: SeededNormal): Float32Array {
    const t = this.timesteps[i]!;
    const prevT = this.timesteps[i + 1];
    const a = this.ac[t]!;
    const aPrev = prevT !== undefined ? this.ac[prevT]! : this.finalAlpha;
    const scaled = t * this.config.timestep_scaling;
    const cSkip = 0.25 / (scaled * scaled + 0.25);
    const cOut = scaled / Math.sqrt(scaled * scaled + 0.25);
    const last = i === this.timesteps.length - 1;
    const next = new Float32Array(sample.length);
    for (let k = 0; k < sample.length; k++) {
      const eps = toEpsilon(this.config, out[k]!, sample[k]!, a);
      const x0 = (sample[k]! - Math.sqrt(1 - a) * eps) / Math.sqrt(a);
      const denoised = cOut * x0 + cSkip * sample[k]!;
      next[k] = last ? denoised : Math.sqrt(aPrev) * denoised + Math.sqrt(1 - aPrev) * rng.normal();
    }
    return next;
  }
}
