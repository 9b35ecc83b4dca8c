import type { Task } from "graphile-worker";
import type { Db } from "@/db/client";
import { jobSchemas } from "@/server/jobs/definitions";
import { getMailer } from "@/server/mail/mailer";
import { sendRefundMail as send } from "@/server/services/shop/refundMail";

/** E-mails the buyer what a partial refund gave back; a mail server that is down is retried. */
export function sendRefundMail(db: Db): Task {
  return async (payload) => {
    const { refundId } = jobSchemas.sendRefundMail.parse(payload);
    await send(db, getMailer(), refundId);
  };
}
