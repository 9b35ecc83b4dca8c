import { z } from "zod";
import { productSchema } from "@/domain/catalog/catalog";
import { listProducts } from "../services/catalog/catalogService";
import { publicProcedure, router } from "../trpc/init";

export const catalogRouter = router({
  /** Every product with its colours, sizes and print areas; public, for shoppers too. */
  products: publicProcedure.output(z.array(productSchema)).query(({ ctx }) => listProducts(ctx.db)),
});
