import { z } from "zod";

/** Every task's payload schema; the enqueue helper and the task's payload type both derive from it. */
export const jobSchemas = {
  cleanupExpired: z.object({}),
  cleanupUploads: z.object({}),
  deleteCanvasObjects: z.object({ canvasId: z.string().uuid() }),
  generate: z.object({ generationId: z.string().uuid() }),
  renderPrintFile: z.object({ printFileId: z.string().uuid() }),
  renderMockups: z.object({ batchId: z.string().uuid() }),
  renderSnapshot: z.object({ renderId: z.string().uuid() }),
  renderCanvasCover: z.object({ canvasId: z.string().uuid() }),
  expireOrder: z.object({ orderId: z.string().uuid() }),
  sendOrderMail: z.object({ orderId: z.string().uuid(), status: z.string() }),
  sendRefundMail: z.object({ refundId: z.string().uuid() }),
  refundLatePayment: z.object({ orderId: z.string().uuid() }),
} as const;

/** Every render job's attempts: its last marks a render that keeps failing `failed` (see the worker's render runner). */
export const RENDER_MAX_ATTEMPTS = 3;

export type JobName = keyof typeof jobSchemas;
export type JobPayload<N extends JobName> = z.infer<(typeof jobSchemas)[N]>;
