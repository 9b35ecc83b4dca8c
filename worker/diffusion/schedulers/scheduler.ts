import type { SeededNormal } from "../random";

/** One denoising loop's plan: timesteps, how to scale the model input, and the update. */
export interface Scheduler {
  readonly timesteps: number[];
  readonly initNoiseSigma: number;
  scaleModelInput(sample: Float32Array, stepIndex: number): Float32Array;
  step(modelOutput: Float32Array, stepIndex: number, sample: Float32Array, rng: SeededNormal): Float32Array;
}
