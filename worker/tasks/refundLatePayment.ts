import type { Task } from "graphile-worker";
import type { Db } from "@/db/client";
import { jobSchemas } from "@/server/jobs/definitions";
import { refundLatePayment as refund } from "@/server/services/shop/latePayment";

/** Gives back a payment that arrived after its order expired; a provider that fails is retried. */
export function refundLatePayment(db: Db): Task {
  return async (payload, helpers) => {
    const { orderId } = jobSchemas.refundLatePayment.parse(payload);
    if (await refund(db, orderId)) helpers.logger.info(`order ${orderId} was paid after it expired: refunded`);
  };
}
