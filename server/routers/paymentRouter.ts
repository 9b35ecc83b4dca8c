import { z } from "zod";
import { limits } from "../auth/limits";
import { completeTestPayment, testPaymentPage, testPaymentPageView, testPaymentResult } from "../services/shop/payments/testPayment";
import { publicProcedure, router, throttle } from "../trpc/init";
import { uuid } from "./schemas";

const ref = z.object({ orderId: uuid, key: z.string().min(1).max(64) });

/** The built-in test provider's page (our origin, like a real provider's hosted page). */
export const paymentRouter = router({
  testPage: publicProcedure
    .input(ref)
    .output(testPaymentPageView)
    .query(({ ctx, input }) => testPaymentPage(ctx.db, input)),

  testComplete: publicProcedure
    .use(throttle((ctx) => [limits.testPaymentsPerAddress(ctx.clientAddress)], { failuresOnly: false }))
    .input(ref.extend({ action: z.enum(["approve", "decline"]), card: z.string().max(30), code: z.string().max(12).optional() }))
    .output(testPaymentResult)
    .mutation(({ ctx, input }) => completeTestPayment(ctx.db, input)),
});
