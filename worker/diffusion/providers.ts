import * as ort from "onnxruntime-node";

export type InferenceDevice = "auto" | "cuda" | "webgpu" | "cpu";
export type ProviderName = "cuda" | "webgpu" | "cpu";

const ORDER: ProviderName[] = ["cuda", "webgpu", "cpu"];

/** INFERENCE_DEVICE as configured; anything else is a configuration error, said at start. */
export function inferenceDevice(value: string | undefined): InferenceDevice {
  const device = value || "auto";
  if (device === "auto" || (ORDER as string[]).includes(device)) return device as InferenceDevice;
  throw new Error(`INFERENCE_DEVICE must be auto, cuda, webgpu or cpu, not "${device}"`);
}

/**
 * Creates a session on the first provider that works, in the order cuda → webgpu → cpu (or only
 * the one asked for), and says which one it got.
 */
export async function createSession(
  file: string,
  device: InferenceDevice,
  log: (m: string) => void = () => {},
): Promise<{ session: ort.InferenceSession; provider: ProviderName }> {
  const candidates = device === "auto" ? ORDER : [device];
  const failures: string[] = [];
  for (const provider of candidates) {
    try {
      const threads = Number(process.env.ORT_THREADS ?? 0);
      const session = await ort.InferenceSession.create(file, {
        executionProviders: [provider],
        graphOptimizationLevel: "all",
        ...(threads > 0 ? { intraOpNumThreads: threads } : {}),
      });
      return { session, provider };
    } catch (e) {
      failures.push(`${provider}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
    }
  }
  log(`[diffusion] no execution provider could load ${file}: ${failures.join("; ")}`);
  throw new Error(`No execution provider could load ${file} (${failures.join("; ")})`);
}
