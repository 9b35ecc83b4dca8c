import type { InferenceDevice } from "../diffusion/providers";
import { printReadyModelDir } from "./printReadyModel";
import { PrintReadyUpscaler } from "./printReadyUpscaler";

let loaded: { key: string; upscaler: Promise<PrintReadyUpscaler> } | null = null;

/** One print-ready session for the life of the process; a failed load is forgotten and retried. */
export function loadPrintReady(device: InferenceDevice, log: (m: string) => void): Promise<PrintReadyUpscaler> {
  const dir = printReadyModelDir();
  const key = `${device}:${dir}`;
  if (loaded?.key !== key) {
    const upscaler = PrintReadyUpscaler.load(dir, device, log);
    loaded = { key, upscaler };
    upscaler.catch(() => {
      if (loaded?.upscaler === upscaler) loaded = null;
    });
  }
  return loaded.upscaler;
}
