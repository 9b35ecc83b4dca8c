import type { Task } from "graphile-worker";
import type { Db } from "@/db/client";
import { ORDER_STATUSES } from "@/domain/shop/orderStatus";
import { jobSchemas } from "@/server/jobs/definitions";
import { getMailer } from "@/server/mail/mailer";
import { sendOrderMail as send } from "@/server/services/shop/orderMail";

/** E-mails the buyer about their order's new status; a mail server that is down is retried. */
export function sendOrderMail(db: Db): Task {
  return async (payload) => {
    const { orderId, status } = jobSchemas.sendOrderMail.parse(payload);
    const known = ORDER_STATUSES.find((s) => s === status);
    if (known) await send(db, getMailer(), orderId, known);
  };
}
