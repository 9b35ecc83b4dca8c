import { DiffusionPipeline } from "./pipeline";
import type { InferenceDevice } from "./providers";

const loaded = new Map<string, Promise<DiffusionPipeline>>();

/**
 * One pipeline per model folder for the life of the process (its sessions hold the weights). A
 * failed load is forgotten, so a folder fixed later loads on the next job.
 */
export function loadPipeline(dir: string, device: InferenceDevice, log: (m: string) => void): Promise<DiffusionPipeline> {
  const key = `${device}:${dir}`;
  let pipeline = loaded.get(key);
  if (!pipeline) {
    pipeline = DiffusionPipeline.load(dir, device, log);
    loaded.set(key, pipeline);
    pipeline.catch(() => loaded.delete(key));
  }
  return pipeline;
}
