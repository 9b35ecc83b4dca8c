import { assetRouter } from "../routers/assetRouter";
import { authRouter } from "../routers/authRouter";
import { canvasRouter } from "../routers/canvasRouter";
import { generationRouter } from "../routers/generationRouter";
import { inviteRouter } from "../routers/inviteRouter";
import { router } from "./init";

export const appRouter = router({
  auth: authRouter,
  canvas: canvasRouter,
  invite: inviteRouter,
  asset: assetRouter,
  generation: generationRouter,
});

export type AppRouter = typeof appRouter;
