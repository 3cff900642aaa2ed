import { getMyAccount, updateMyAccount } from "../../storefront/my-account.ts";
import { updateMyAccountInput } from "../../schemas/accounts.ts";
import { router, storefrontProcedure } from "../../trpc.ts";

export const storefrontAccountRouter = router({
  me: storefrontProcedure.query(({ ctx }) => getMyAccount(ctx.deps, ctx.shop)),
  update: storefrontProcedure.input(updateMyAccountInput).mutation(({ ctx, input }) => updateMyAccount(ctx.deps, ctx.shop, input)),
});
