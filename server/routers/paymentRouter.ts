import { z } from "zod";
import { limits } from "../auth/limits";
import { completeTestPayment, testPaymentPage } from "../services/shop/payments/testPayment";
import { publicProcedure, router, throttle } from "../trpc/init";
import { uuid } from "./schemas";

const ref = z.object({ orderId: uuid, key: z.string().min(1).max(64) });

/** The built-in test provider's page (our origin, like a real provider's hosted page). */
export const paymentRouter = router({
  testPage: publicProcedure
    .input(ref)
    .output(z.object({ orderId: z.string(), total: z.number().int(), currency: z.string(), email: z.string(), status: z.string(), payable: z.boolean() }))
    .query(({ ctx, input }) => testPaymentPage(ctx.db, input)),

  testComplete: publicProcedure
    .use(throttle((ctx) => [limits.testPaymentsPerAddress(ctx.clientAddress)], { failuresOnly: false }))
    .input(ref.extend({ action: z.enum(["approve", "decline"]), card: z.string().max(30), code: z.string().max(12).optional() }))
    .output(z.union([z.object({ outcome: z.literal("needsVerification") }), z.object({ outcome: z.enum(["paid", "declined"]), reason: z.string().nullable(), orderUrl: z.string() })]))
    .mutation(({ ctx, input }) => completeTestPayment(ctx.db, input)),
});
