import { handleElementRequest } from "@/server/http/elementHandler";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return handleElementRequest(req, (await params).file);
}
