import type { SeededNormal } from "../random";
import { alphasCumprod, spacedTimesteps, type SchedulerConfig } from "./config";
import type { Scheduler } from "./scheduler";

/** Euler ancestral in sigma space (Karras et al.), as diffusers' EulerAncestralDiscreteScheduler. */
export class EulerAncestralScheduler implements Scheduler {
  readonly timesteps: number[];
  readonly sigmas: number[];
  readonly initNoiseSigma: number;

  constructor(
    private readonly config: SchedulerConfig,
    steps: number,
  ) {
    const ac = alphasCumprod(config);
    const train = Array.from(ac, (a) => Math.sqrt((1 - a) / a));
    this.timesteps = spacedTimesteps(config, steps);
    this.sigmas = [...this.timesteps.map((t) => interp(t, train)), 0];
    const max = Math.max(...this.sigmas);
    this.initNoiseSigma = config.timestep_spacing === "leading" ? Math.sqrt(max * max + 1) : max;
  }

  scaleModelInput(sample: Float32Array, i: number): Float32Array {
    const s = 1 / Math.sqrt(this.sigmas[i]! ** 2 + 1);
    return sample.map((v) => v * s);
  }

  step(out: Float32Array, i: number, sample: Float32Array, rng: SeededNormal): Float32Array {
    const sigma = this.sigmas[i]!;
    const sigmaTo = this.sigmas[i + 1]!;
    const sigmaUp = Math.sqrt((sigmaTo ** 2 * (sigma ** 2 - sigmaTo ** 2)) / sigma ** 2);
    const sigmaDown = Math.sqrt(sigmaTo ** 2 - sigmaUp ** 2);
    const dt = sigmaDown - sigma;
    const c = 1 / Math.sqrt(sigma * sigma + 1);
    const next = new Float32Array(sample.length);
    for (let k = 0; k < sample.length; k++) {
      const x = sample[k]!;
      const m = out[k]!;
      const x0 =
        this.config.prediction_type === "epsilon"
          ? x - sigma * m
          : this.config.prediction_type === "v_prediction"
            ? m * -sigma * c + x * c * c
            : m;
      const derivative = (x - x0) / sigma;
      next[k] = x + derivative * dt + (sigmaUp > 0 ? rng.normal() * sigmaUp : 0);
    }
    return next;
  }
}

function interp(t: number, table: number[]): number {
  const lo = Math.floor(t);
  const hi = Math.min(lo + 1, table.length - 1);
  return table[lo]! + (table[hi]! - table[lo]!) * (t - lo);
}
