import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { Db } from "@/db/client";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/clientAddress";
import { handleTrpcRequest } from "@/server/http/trpcHandler";
import type { AppRouter } from "@/server/trpc/appRouter";

export const TEST_APP_URL = "http://localhost:3000";

let clients = 0;

/** An address of its own (from the benchmarking range) for each client, as our HTTP server would stamp it. */
const nextAddress = () => {
  clients++;
  return `198.18.${(clients >> 8) & 255}.${clients & 255}`;
};

/**
 * A real tRPC client whose fetch goes straight into the app's request handler (guards, context,
 * router, services, Postgres), with a cookie jar like a browser's. Each client calls from an
 * address of its own (the header our HTTP server stamps from the socket) unless told which.
 */
export function createTestClient(db: Db, opts: { address?: string } = {}) {
  const address = opts.address ?? nextAddress();
  const jar = new Map<string, string>();
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${TEST_APP_URL}/api/trpc`,
        transformer: superjson,
        headers: () => ({
          origin: TEST_APP_URL,
          [CLIENT_ADDRESS_HEADER]: address,
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        }),
        fetch: async (url, init) => {
          const res = await handleTrpcRequest(db, TEST_APP_URL, new Request(url, init as RequestInit));
          for (const c of res.headers.getSetCookie()) {
            const [pair] = c.split(";");
            const [k, ...v] = pair!.split("=");
            const value = v.join("=");
            if (value && !/Max-Age=0/i.test(c)) jar.set(k!, value);
            else jar.delete(k!);
          }
          return res;
        },
      }),
    ],
  });
  return { client, jar, address };
}

export async function signedUpClient(db: Db, name: string, opts: { address?: string } = {}) {
  const t = createTestClient(db, opts);
  const email = `${name.toLowerCase()}.${Math.random().toString(36).slice(2, 8)}@example.com`;
  const user = await t.client.auth.signUp.mutate({ email, password: "correct horse battery", name });
  return { ...t, user, email };
}

/** The tRPC error code a promise rejects with. */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCClientError) return (e.data as { code: string }).code;
    throw e;
  }
  throw new Error("expected the call to fail");
}

export async function errorOf(p: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCClientError) return e as TRPCClientError<AppRouter>;
    throw e;
  }
  throw new Error("expected the call to fail");
}
