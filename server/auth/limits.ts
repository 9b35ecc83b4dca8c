import type { Bucket } from "./rateLimit";

const MINUTE = 60;
const HOUR = 3600;

/**
 * Every limit in one place. Sign-in failures are counted per client address and per e-mail and
 * address, which throttles the attacker's address and not the account: the person who owns the
 * e-mail still signs in from elsewhere. Failures per e-mail from every address together only slow
 * sign-in down (see signInDelayMs) until a cap that takes a distributed attack to reach; a password
 * reset clears that count.
 */
export const limits = {
  signInPerAddress: (ip: string): Bucket => ({ key: `signIn:ip:${ip}`, max: 30, windowSeconds: 15 * MINUTE }),
  signInPerEmailAndAddress: (email: string, ip: string): Bucket => ({ key: `signIn:emailIp:${email}|${ip}`, max: 10, windowSeconds: 15 * MINUTE }),
  signInPerEmail: (email: string): Bucket => ({ key: signInEmailKey(email), max: 100, windowSeconds: 15 * MINUTE }),
  /** Each sign-up costs an argon2 hash: a burst limit for the CPU, an hourly one against account farming. */
  signUpsPerAddress: (ip: string): Bucket[] => [
    { key: `signUp:ip:${ip}`, max: 10, windowSeconds: MINUTE },
    { key: `signUp:ipHour:${ip}`, max: 100, windowSeconds: HOUR },
  ],
  /** Invite tokens cannot be guessed (256 bits); this keeps anyone from trying at speed anyway. */
  inviteFailuresPerAddress: (ip: string): Bucket => ({ key: `invite:ip:${ip}`, max: 30, windowSeconds: 15 * MINUTE }),
  inviteFailuresPerUser: (userId: string): Bucket => ({ key: `invite:user:${userId}`, max: 30, windowSeconds: 15 * MINUTE }),
  /** Each completion decodes and re-encodes an image. */
  uploadCompletionsPerUser: (userId: string): Bucket => ({ key: `upload:user:${userId}`, max: 120, windowSeconds: 10 * MINUTE }),
  /** Each publish copies the design's images and queues its mockups and print files. */
  publishesPerUser: (userId: string): Bucket => ({ key: `publish:user:${userId}`, max: 30, windowSeconds: HOUR }),
  /** Signed-out carts are rows anyone can create. */
  guestCartsPerAddress: (ip: string): Bucket => ({ key: `cart:ip:${ip}`, max: 200, windowSeconds: HOUR }),
  /** Each checkout reserves stock for half an hour and may call the payment provider. */
  checkoutsPerAddress: (ip: string): Bucket => ({ key: `checkout:ip:${ip}`, max: 60, windowSeconds: 10 * MINUTE }),
  /** Wrong discount codes only: a shopper who typed one right is not slowed. */
  discountTriesPerAddress: (ip: string): Bucket => ({ key: `discount:ip:${ip}`, max: 20, windowSeconds: 10 * MINUTE }),
  testPaymentsPerAddress: (ip: string): Bucket => ({ key: `testPay:ip:${ip}`, max: 60, windowSeconds: 10 * MINUTE }),
  oauthStartsPerAddress: (ip: string): Bucket => ({ key: `oauth:ip:${ip}`, max: 30, windowSeconds: 15 * MINUTE }),
  resetMailsPerEmail: (email: string): Bucket => ({ key: `resetMail:email:${email}`, max: 5, windowSeconds: HOUR }),
  resetMailsPerAddress: (ip: string): Bucket => ({ key: `resetMail:ip:${ip}`, max: 20, windowSeconds: HOUR }),
  verifyMailsPerUser: (userId: string): Bucket => ({ key: `verifyMail:user:${userId}`, max: 5, windowSeconds: HOUR }),
  /** Anyone may sign up with any address, so what sign-up mails to one address is capped. */
  signUpMailsPerEmail: (email: string): Bucket => ({ key: `signUpMail:email:${email}`, max: 3, windowSeconds: HOUR }),
  /** Tokens are 256 bits; a wrong one counts against the address like a wrong password. */
  tokenFailuresPerAddress: (ip: string): Bucket => ({ key: `token:ip:${ip}`, max: 30, windowSeconds: 15 * MINUTE }),
};

export function signInEmailKey(email: string): string {
  return `signIn:email:${email}`;
}

/** Failures per e-mail (from every address) before sign-in for it starts to slow down. */
export const SIGN_IN_FREE_FAILURES = 10;

/** How long a sign-in for an e-mail waits, given its failures: doubling from 250 ms, at most 5 s. */
export function signInDelayMs(failuresForEmail: number): number {
  const over = failuresForEmail - SIGN_IN_FREE_FAILURES;
  return over <= 0 ? 0 : Math.min(5000, 250 * 2 ** (over - 1));
}
