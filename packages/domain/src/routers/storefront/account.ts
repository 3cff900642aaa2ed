import { getMyAccount, updateMyAccount } from "../../accounts/my-account.ts";
import { updateMyAccountInput } from "../../schemas/accounts.ts";
import { router, storefrontProcedure } from "../../trpc.ts";
import { myAccountOutput } from "../../accounts/account-output.ts";

export const storefrontAccountRouter = router({
  me: storefrontProcedure.output(myAccountOutput).query(({ ctx }) => getMyAccount(ctx.deps, ctx.shop)),
  update: storefrontProcedure
    .input(updateMyAccountInput)
    .output(myAccountOutput)
    .mutation(({ ctx, input }) => updateMyAccount(ctx.deps, ctx.shop, input)),
});
