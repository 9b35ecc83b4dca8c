import { z } from "zod";
import { endSession, startSession } from "../auth/sessions";
import { enabledProviderIds, PROVIDER_IDS } from "../auth/oauth/providers";
import { getUser, signIn, signUp } from "../services/account/accountService";
import { authedProcedure, publicProcedure, router } from "../trpc/init";
import { email, ok, password, personName } from "./schemas";

const publicUser = z.object({ id: z.string(), email: z.string(), name: z.string(), emailVerified: z.boolean() });

export const authRouter = router({
  signUp: publicProcedure
    .input(z.object({ email, password, name: personName }))
    .output(publicUser)
    .mutation(async ({ ctx, input }) => {
      const user = await signUp(ctx.db, input, ctx.clientAddress);
      ctx.resHeaders.append("Set-Cookie", await startSession(ctx.db, user.id));
      return user;
    }),

  signIn: publicProcedure
    .input(z.object({ email, password: z.string().min(1, "must not be empty").max(256) }))
    .output(publicUser)
    .mutation(async ({ ctx, input }) => {
      const user = await signIn(ctx.db, input, ctx.clientAddress);
      ctx.resHeaders.append("Set-Cookie", await startSession(ctx.db, user.id));
      return user;
    }),

  signOut: authedProcedure.output(ok).mutation(async ({ ctx }) => {
    ctx.resHeaders.append("Set-Cookie", await endSession(ctx.db, ctx.session!.sessionId));
    return { ok: true as const };
  }),

  me: publicProcedure.output(publicUser.nullable()).query(({ ctx }) => (ctx.session ? getUser(ctx.db, { userId: ctx.session.user.id }) : null)),

  /** The OAuth providers whose keys are set: their sign-in buttons show. */
  providers: publicProcedure.output(z.array(z.enum(PROVIDER_IDS))).query(() => enabledProviderIds()),
});
