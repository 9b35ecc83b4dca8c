import type { Task } from "graphile-worker";
import type { Db } from "@/db/client";
import { jobSchemas } from "@/server/jobs/definitions";
import { expireIfUnpaid } from "@/server/services/shop/orderExpiry";

/** Runs when an order's time to pay is up: an order still unpaid is canceled and its stock released. */
export function expireOrder(db: Db): Task {
  return async (payload, helpers) => {
    const { orderId } = jobSchemas.expireOrder.parse(payload);
    if (await expireIfUnpaid(db, orderId)) helpers.logger.info(`order ${orderId} was not paid in time: canceled`);
  };
}
