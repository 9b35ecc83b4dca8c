import { assetRouter } from "../routers/assetRouter";
import { authRouter } from "../routers/authRouter";
import { canvasRouter } from "../routers/canvasRouter";
import { cartRouter } from "../routers/cartRouter";
import { catalogRouter } from "../routers/catalogRouter";
import { checkoutRouter } from "../routers/checkoutRouter";
import { discountRouter } from "../routers/discountRouter";
import { elementsRouter } from "../routers/elementsRouter";
import { generationRouter } from "../routers/generationRouter";
import { inviteRouter } from "../routers/inviteRouter";
import { listingRouter } from "../routers/listingRouter";
import { mockupRouter } from "../routers/mockupRouter";
import { opsRouter } from "../routers/opsRouter";
import { orderRouter } from "../routers/orderRouter";
import { paymentRouter } from "../routers/paymentRouter";
import { printFileRouter } from "../routers/printFileRouter";
import { shippingRouter } from "../routers/shippingRouter";
import { taxRouter } from "../routers/taxRouter";
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
  listing: listingRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  shipping: shippingRouter,
  discount: discountRouter,
  tax: taxRouter,
  order: orderRouter,
  payment: paymentRouter,
  elements: elementsRouter,
  ops: opsRouter,
});

export type AppRouter = typeof appRouter;
