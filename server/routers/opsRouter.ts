import { systemStatus } from "../services/ops/systemStatus";
import { getStorage } from "../storage/storage";
import { router, shopAdminProcedure } from "../trpc/init";

/** Operations, for the shop's admins: the status page's data. */
export const opsRouter = router({
  status: shopAdminProcedure.query(({ ctx }) => systemStatus(ctx.db, getStorage())),
});
