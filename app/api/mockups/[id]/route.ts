import { handleMockupRequest } from "@/server/http/mockupHandler";
import { imageRoute } from "@/server/http/imageRoute";

export const dynamic = "force-dynamic";

export const GET = imageRoute("id", handleMockupRequest);
