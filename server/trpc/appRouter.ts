import { assetRouter } from "../routers/assetRouter";
import { authRouter } from "../routers/authRouter";
import { canvasRouter } from "../routers/canvasRouter";
import { catalogRouter } from "../routers/catalogRouter";
import { generationRouter } from "../routers/generationRouter";
import { inviteRouter } from "../routers/inviteRouter";
import { mockupRouter } from "../routers/mockupRouter";
import { printFileRouter } from "../routers/printFileRouter";
import { router } from "./init";

export const appRouter = router({
  auth: authRouter,
  canvas: canvasRouter,
  invite: inviteRouter,
  asset: assetRouter,
  generation: generationRouter,
  catalog: catalogRouter,
  printFile: printFileRouter,
  mockup: mockupRouter,
});

export type AppRouter = typeof appRouter;
