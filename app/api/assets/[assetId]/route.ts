import { handleAssetRequest } from "@/server/http/assetHandler";
import { imageRoute } from "@/server/http/imageRoute";

export const dynamic = "force-dynamic";

export const GET = imageRoute("assetId", handleAssetRequest);
