import type { SchedulerConfig } from "@/server/services/model/modelFolder";

export type { SchedulerConfig };

export function alphasCumprod(c: SchedulerConfig): Float64Array {
  const T = c.num_train_timesteps;
  const out = new Float64Array(T);
  let prod = 1;
  for (let i = 0; i < T; i++) {
    const frac = T === 1 ? 0 : i / (T - 1);
    const beta =
      c.beta_schedule === "scaled_linear"
        ? (Math.sqrt(c.beta_start) + frac * (Math.sqrt(c.beta_end) - Math.sqrt(c.beta_start))) ** 2
        : c.beta_start + frac * (c.beta_end - c.beta_start);
    prod *= 1 - beta;
    out[i] = prod;
  }
  return out;
}

/** The inference timesteps, high to low, as diffusers spaces them. */
export function spacedTimesteps(c: SchedulerConfig, steps: number): number[] {
  const T = c.num_train_timesteps;
  if (c.timestep_spacing === "linspace") {
    return Array.from({ length: steps }, (_, i) => Math.round(((T - 1) * i) / Math.max(1, steps - 1))).reverse();
  }
  if (c.timestep_spacing === "trailing") {
    const ratio = T / steps;
    return Array.from({ length: steps }, (_, i) => Math.round(T - i * ratio) - 1);
  }
  const ratio = Math.floor(T / steps);
  return Array.from({ length: steps }, (_, i) => i * ratio + c.steps_offset).reverse();
}

/** The model's output turned into a noise estimate, whatever it was trained to predict. */
export function toEpsilon(c: SchedulerConfig, out: number, sample: number, alphaProd: number): number {
  if (c.prediction_type === "epsilon") return out;
  const a = Math.sqrt(alphaProd);
  const b = Math.sqrt(1 - alphaProd);
  if (c.prediction_type === "v_prediction") return a * out + b * sample;
  return (sample - a * out) / b;
}
