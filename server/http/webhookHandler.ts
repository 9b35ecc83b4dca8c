import type { Db } from "@/db/client";
import { receiveWebhook } from "../services/shop/paymentWebhooks";
import { jsonError, readLimitedBody } from "./requestGuards";

const MAX_WEBHOOK_BYTES = 256 * 1024;

/** POST /api/webhooks/<provider>: a payment provider's signed event, verified over the raw body. */
export async function handleWebhookRequest(db: Db, req: Request, provider: string): Promise<Response> {
  if (!/^[a-z]{1,20}$/.test(provider)) return jsonError(404, "No such payment provider here.");
  const body = await readLimitedBody(req, MAX_WEBHOOK_BYTES);
  if (!body) return jsonError(413, `A webhook is at most ${MAX_WEBHOOK_BYTES / 1024} KiB.`);
  const answer = await receiveWebhook(db, provider, new TextDecoder().decode(body), req.headers);
  if (answer.status !== 200) return jsonError(answer.status, answer.message);
  return Response.json({ received: true, outcome: answer.message });
}
