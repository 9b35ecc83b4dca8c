import type { SeededNormal } from "../random";
import { alphasCumprod, spacedTimesteps, toEpsilon, type SchedulerConfig } from "./config";
import type { Scheduler } from "./scheduler";

/** DDIM with eta = 0: deterministic given the initial latents. */
export class DdimScheduler implements Scheduler {
  readonly timesteps: number[];
  readonly initNoiseSigma = 1;
  private readonly ac: Float64Array;
  private readonly finalAlpha: number;
  private readonly ratio: number;

  constructor(
    private readonly config: SchedulerConfig,
    steps: number,
  ) {
    this.ac = alphasCumprod(config);
    this.finalAlpha = config.set_alpha_to_one ? 1 : this.ac[0]!;
    this.timesteps = spacedTimesteps(config, steps);
    this.ratio = Math.floor(config.num_train_timesteps / steps);
  }

  scaleModelInput(sample: Float32Array): Float32Array {
    return sample;
  }

  step(out: Float32Array, i: number, sample: Float32Array, _rng?: SeededNormal): Float32Array {
    const t = this.timesteps[i]!;
    const prevT = t - this.ratio;
    const a = this.ac[t]!;
    const aPrev = prevT >= 0 ? this.ac[prevT]! : this.finalAlpha;
    const next = new Float32Array(sample.length);
    for (let k = 0; k < sample.length; k++) {
      const eps = toEpsilon(this.config, out[k]!, sample[k]!, a);
      const x0 = (sample[k]! - Math.sqrt(1 - a) * eps) / Math.sqrt(a);
      next[k] = Math.sqrt(aPrev) * x0 + Math.sqrt(1 - aPrev) * eps;
    }
    return next;
  }
}
