import { handleCanvasCoverRequest } from "@/server/http/canvasCoverHandler";
import { imageRoute } from "@/server/http/imageRoute";

export const dynamic = "force-dynamic";

export const GET = imageRoute("id", handleCanvasCoverRequest);
