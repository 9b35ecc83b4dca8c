import { handleListingRenderRequest } from "@/server/http/listingRenderHandler";
import { imageRoute } from "@/server/http/imageRoute";

export const dynamic = "force-dynamic";

export const GET = imageRoute("id", handleListingRenderRequest);
