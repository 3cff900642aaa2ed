import { getMyAccount, updateMyAccount } from "../../accounts/my-account.ts";
import { updateMyAccountInput } from "../../schemas/accounts.ts";
import { router, storefrontProcedure } from "../../trpc.ts";
import { myAccountOutput } from "../../accounts/account-output.ts";
import { accountBalance, accountStatement } from "../../billing/statement.ts";
import { accountBalanceOutput, statementOutput } from "../../billing/statement-output.ts";
import { statementPeriodInput } from "../../schemas/billing.ts";

export const storefrontAccountRouter = router({
  me: storefrontProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/reseller/account",
        tags: ["Accounts"],
        summary: "Read your own account",
        description: "The reseller account of the key, with its end-customers.",
      },
    })
    .output(myAccountOutput)
    .query(({ ctx }) => getMyAccount(ctx.deps, ctx.shop)),
  update: storefrontProcedure
    .input(updateMyAccountInput)
    .output(myAccountOutput)
    .mutation(({ ctx, input }) => updateMyAccount(ctx.deps, ctx.shop, input)),
  /** What the caller's own account owes now (or is owed), per currency. */
  balance: storefrontProcedure.output(accountBalanceOutput).query(({ ctx }) => accountBalance(ctx.deps, ctx.shop)),
  /** The caller's own statement of account for a period. */
  statement: storefrontProcedure
    .input(statementPeriodInput)
    .output(statementOutput)
    .query(({ ctx, input }) => accountStatement(ctx.deps, ctx.shop, input)),
});
