import { z } from "zod";
import { importServicesDefinition } from "../../bittitan/import-services-definition.ts";
import { activateServiceManager, getServiceManager, testServiceManager } from "../../bittitan/service-manager.ts";
import { getAccountSync, synchronizeAccount } from "../../bittitan/sync-account.ts";
import { synchronizeAccountInput } from "../../schemas/accounts.ts";
import { idSchema } from "../../schemas/common.ts";
import { activateServiceManagerInput } from "../../schemas/service-manager.ts";
import { router, staffProcedure } from "../../trpc.ts";

export const bssBitTitanRouter = router({
  serviceManager: staffProcedure.query(({ ctx }) => getServiceManager(ctx.deps)),
  activate: staffProcedure
    .input(activateServiceManagerInput)
    .mutation(({ ctx, input }) => activateServiceManager(ctx.deps, input)),
  test: staffProcedure.mutation(({ ctx }) => testServiceManager(ctx.deps)),
  importServicesDefinition: staffProcedure.mutation(({ ctx }) => importServicesDefinition(ctx.deps)),
  accountSync: staffProcedure
    .input(z.object({ accountId: idSchema }))
    .query(({ ctx, input }) => getAccountSync(ctx.deps, input.accountId)),
  synchronizeAccount: staffProcedure
    .input(synchronizeAccountInput)
    .mutation(({ ctx, input }) => synchronizeAccount(ctx.deps, input)),
});
