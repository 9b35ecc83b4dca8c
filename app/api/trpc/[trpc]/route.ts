import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { handleTrpcRequest } from "@/server/http/trpcHandler";

export const dynamic = "force-dynamic";

const handler = (req: Request) => handleTrpcRequest(getDb(), env().APP_URL, req);
export { handler as GET, handler as POST };
