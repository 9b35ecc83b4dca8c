import * as ort from "onnxruntime-node";
import { readModelFolder, type ModelFolder } from "./modelFolder";
import { encodePng } from "./png";
import { createSession, type InferenceDevice, type ProviderName } from "./providers";
import { SeededNormal } from "./random";
import { createScheduler, type SchedulerName } from "./schedulers";
import { ClipTokenizer } from "./tokenizer";

export type GenerateRequest = {
  prompt: string;
  negativePrompt?: string;
  steps: number;
  guidance: number;
  seed: number;
  count?: number;
  width?: number;
  height?: number;
  scheduler?: SchedulerName;
  /** Called after every step; `preview` (PNGs) every `previewEvery` steps and at the end. */
  onStep?: (step: number, total: number, preview?: Buffer[]) => void | Promise<void>;
  previewEvery?: number;
  signal?: AbortSignal;
};

export type GeneratedImage = { png: Buffer; width: number; height: number };
export type GenerateResult = { images: GeneratedImage[]; provider: ProviderName; scheduler: string; milliseconds: number };

export class AbortedError extends Error {
  constructor() {
    super("Generation was canceled");
    this.name = "AbortedError";
  }
}

/**
 * Text-to-image over a Stable Diffusion ONNX folder: CLIP tokenizer, text encoder, UNet with
 * classifier-free guidance (conditional and unconditional in one batch), a scheduler, VAE decoder.
 * Sessions are created once and reused for every generation.
 */
export class DiffusionPipeline {
  private constructor(
    readonly model: ModelFolder,
    readonly provider: ProviderName,
    private readonly tokenizer: ClipTokenizer,
    private readonly textEncoder: ort.InferenceSession,
    private readonly unet: ort.InferenceSession,
    private readonly vae: ort.InferenceSession,
  ) {}

  static async load(dir: string, device: InferenceDevice = "auto", log: (m: string) => void = () => {}): Promise<DiffusionPipeline> {
    const model = readModelFolder(dir);
    const tokenizer = ClipTokenizer.load(model.files.tokenizer);
    const unet = await createSession(model.files.unet, device, log);
    // The small models follow the UNet onto the provider it got.
    const textEncoder = await createSession(model.files.textEncoder, unet.provider, log);
    const vae = await createSession(model.files.vaeDecoder, unet.provider, log);
    log(`[diffusion] ${model.name} (${model.hash}) on ${unet.provider}`);
    return new DiffusionPipeline(model, unet.provider, tokenizer, textEncoder.session, unet.session, vae.session);
  }

  async release(): Promise<void> {
    await Promise.all([this.textEncoder.release(), this.unet.release(), this.vae.release()]);
  }

  private async encodeText(texts: string[]): Promise<ort.Tensor> {
    const L = this.tokenizer.maxLength;
    const ids = new Int32Array(texts.length * L);
    texts.forEach((t, i) => ids.set(this.tokenizer.encode(t), i * L));
    const name = this.textEncoder.inputNames[0]!;
    const type = tensorType(this.textEncoder, name, "int32");
    const input = type === "int64" ? new ort.Tensor("int64", BigInt64Array.from(ids, (v) => BigInt(v)), [texts.length, L]) : new ort.Tensor("int32", ids, [texts.length, L]);
    const out = await this.textEncoder.run({ [name]: input });
    return out.last_hidden_state ?? out[this.textEncoder.outputNames[0]!]!;
  }

  async decode(latents: Float32Array, count: number, h: number, w: number): Promise<GeneratedImage[]> {
    const C = this.model.latentChannels;
    const scaled = latents.map((v) => v / this.model.scalingFactor);
    const name = this.vae.inputNames[0]!;
    const out = await this.vae.run({ [name]: new ort.Tensor("float32", scaled, [count, C, h, w]) });
    const sample = (out.sample ?? out[this.vae.outputNames[0]!]!) as ort.Tensor;
    const [, , H, W] = sample.dims as number[];
    const data = sample.data as Float32Array;
    return Array.from({ length: count }, (_, n) => {
      const rgb = new Uint8Array(H! * W! * 3);
      for (let c = 0; c < 3; c++) {
        for (let p = 0; p < H! * W!; p++) {
          const v = data[((n * 3 + c) * H! + 0) * W! + p]!;
          rgb[p * 3 + c] = Math.max(0, Math.min(255, Math.round((v + 1) * 127.5)));
        }
      }
      return { png: encodePng(rgb, W!, H!), width: W!, height: H! };
    });
  }

  async generate(req: GenerateRequest): Promise<GenerateResult> {
    const started = performance.now();
    const count = req.count ?? 1;
    const width = req.width ?? this.model.width;
    const height = req.height ?? this.model.height;
    const f = this.model.downsample;
    if (width % f || height % f) throw new Error(`Width and height must be multiples of ${f}`);
    const [h, w, C] = [height / f, width / f, this.model.latentChannels];
    const per = C * h * w;
    const guided = req.guidance > 1;

    const text = await this.encodeText([req.negativePrompt ?? "", req.prompt]);
    const [, L, D] = text.dims as number[];
    const textData = text.data as Float32Array;
    const rows = guided ? [...Array(count).fill(0), ...Array(count).fill(1)] : Array(count).fill(1);
    const context = new Float32Array(rows.length * L! * D!);
    rows.forEach((r, i) => context.set(textData.subarray(r * L! * D!, (r + 1) * L! * D!), i * L! * D!));
    const contextTensor = new ort.Tensor("float32", context, [rows.length, L!, D!]);

    const scheduler = createScheduler(this.model.scheduler, req.steps, req.scheduler);
    const rng = new SeededNormal(req.seed);
    let latents: Float32Array = rng.fill(count * per).map((v) => v * scheduler.initNoiseSigma);
    const [sampleName, timestepName, contextName] = this.unet.inputNames as [string, string, string];
    const tType = tensorType(this.unet, timestepName, "float32");
    const total = scheduler.timesteps.length;

    for (let i = 0; i < total; i++) {
      if (req.signal?.aborted) throw new AbortedError();
      const t = scheduler.timesteps[i]!;
      const input = scheduler.scaleModelInput(latents, i);
      const batch = guided ? 2 * count : count;
      const sample = new Float32Array(batch * per);
      sample.set(input);
      if (guided) sample.set(input, count * per);
      const timestep = tType === "int64" ? new ort.Tensor("int64", new BigInt64Array(batch).fill(BigInt(t)), [batch]) : new ort.Tensor("float32", new Float32Array(batch).fill(t), [batch]);
      const out = await this.unet.run({
        [sampleName]: new ort.Tensor("float32", sample, [batch, C, h, w]),
        [timestepName]: timestep,
        [contextName]: contextTensor,
      });
      const pred = (out.out_sample ?? out[this.unet.outputNames[0]!]!).data as Float32Array;
      let noise: Float32Array = pred;
      if (guided) {
        noise = new Float32Array(count * per);
        for (let k = 0; k < count * per; k++) noise[k] = pred[k]! + req.guidance * (pred[count * per + k]! - pred[k]!);
      }
      latents = scheduler.step(noise, i, latents, rng);
      const every = req.previewEvery ?? 0;
      const preview = every > 0 && (i + 1) % every === 0 && i + 1 < total ? (await this.decode(latents, count, h, w)).map((im) => im.png) : undefined;
      await req.onStep?.(i + 1, total, preview);
    }
    const images = await this.decode(latents, count, h, w);
    return { images, provider: this.provider, scheduler: req.scheduler ?? this.model.scheduler._class_name, milliseconds: performance.now() - started };
  }
}

function tensorType(session: ort.InferenceSession, name: string, fallback: string): string {
  const meta = session.inputMetadata?.find((m) => m.name === name);
  return meta && meta.isTensor ? meta.type : fallback;
}
