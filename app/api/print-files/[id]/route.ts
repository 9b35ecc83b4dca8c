import { handlePrintFileRequest } from "@/server/http/printFileHandler";
import { imageRoute } from "@/server/http/imageRoute";

export const dynamic = "force-dynamic";

export const GET = imageRoute("id", handlePrintFileRequest);
