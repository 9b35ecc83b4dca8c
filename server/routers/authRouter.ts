import { z } from "zod";
import { endSession, startSession } from "../auth/sessions";
import { enabledProviderIds, PROVIDER_IDS } from "../auth/oauth/providers";
import { getMailer } from "../mail/mailer";
import { getUser, signIn } from "../services/account/accountService";
import { resendVerificationMail, signUpAndSendVerification, verifyEmail } from "../services/account/emailVerification";
import { changePassword, requestPasswordReset, resetPassword } from "../services/account/passwordReset";
import { authedProcedure, publicProcedure, router } from "../trpc/init";
import { email, ok, password, personName } from "./schemas";

const publicUser = z.object({ id: z.string(), email: z.string(), name: z.string(), emailVerified: z.boolean() });
/** The token of a mailed link: 32 random bytes in base64url. */
const mailToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "is not a valid link");

export const authRouter = router({
  signUp: publicProcedure
    .input(z.object({ email, password, name: personName }))
    .output(publicUser)
    .mutation(async ({ ctx, input }) => {
      const user = await signUpAndSendVerification(ctx.db, getMailer(), { ...input, locale: ctx.locale }, ctx.clientAddress, ctx.appUrl);
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

  /** Mails the verification link again. */
  sendVerification: authedProcedure
    .output(z.object({ ok: z.literal(true), alreadyVerified: z.boolean() }))
    .mutation(({ ctx }) => resendVerificationMail(ctx.db, getMailer(), ctx.actor, ctx.appUrl)),

  /** The link from the verification mail (works without a session: the mail may be opened elsewhere). */
  verifyEmail: publicProcedure
    .input(z.object({ token: mailToken }))
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) => verifyEmail(ctx.db, input, ctx.clientAddress)),

  /** Mails a reset link when an account has this e-mail; answers the same either way. */
  requestPasswordReset: publicProcedure
    .input(z.object({ email }))
    .output(ok)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, getMailer(), input, ctx.clientAddress, ctx.appUrl)),

  /** Sets a new password with the mailed token; every session of the account ends and this browser gets a new one. */
  resetPassword: publicProcedure
    .input(z.object({ token: mailToken, password }))
    .output(publicUser)
    .mutation(async ({ ctx, input }) => {
      const user = await resetPassword(ctx.db, input, ctx.clientAddress);
      ctx.resHeaders.append("Set-Cookie", await startSession(ctx.db, user.id));
      return user;
    }),

  /** Every other session of the account ends. */
  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().max(256).optional(), newPassword: password }))
    .output(z.object({ ok: z.literal(true), endedSessions: z.number() }))
    .mutation(({ ctx, input }) => changePassword(ctx.db, { ...ctx.actor, sessionId: ctx.session!.sessionId }, input, ctx.clientAddress)),

  /** The OAuth providers whose keys are set: their sign-in buttons show. */
  providers: publicProcedure.output(z.array(z.enum(PROVIDER_IDS))).query(() => enabledProviderIds()),
});
