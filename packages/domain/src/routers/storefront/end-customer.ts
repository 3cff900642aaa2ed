import { z } from "zod";
import {
  createEndCustomer,
  getEndCustomer,
  listEndCustomers,
  updateEndCustomer,
} from "../../accounts/end-customers.ts";
import { createEndCustomerInput, updateEndCustomerInput } from "../../schemas/accounts.ts";
import { idSchema, pageSchema, searchSchema } from "../../schemas/common.ts";
import { idempotent } from "../../idempotency.ts";
import { router, storefrontProcedure } from "../../trpc.ts";
import { accountDetailOutput, accountPageOutput } from "../../accounts/account-output.ts";

export const storefrontEndCustomerRouter = router({
  list: storefrontProcedure
    .meta({
      rest: { method: "GET", path: "/reseller/end-customers", tags: ["Accounts"], summary: "List end-customers" },
    })
    .input(pageSchema.extend({ search: searchSchema }))
    .output(accountPageOutput)
    .query(({ ctx, input }) => listEndCustomers(ctx.deps, ctx.shop, input)),
  get: storefrontProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/reseller/end-customers/{id}",
        tags: ["Accounts"],
        summary: "Read an end-customer",
      },
    })
    .input(z.object({ id: idSchema }))
    .output(accountDetailOutput)
    .query(({ ctx, input }) => getEndCustomer(ctx.deps, ctx.shop, input.id)),
  create: storefrontProcedure
    .meta({
      rest: { method: "POST", path: "/reseller/end-customers", tags: ["Accounts"], summary: "Create an end-customer" },
    })
    .input(createEndCustomerInput.extend(idempotent.shape))
    .output(accountDetailOutput)
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => createEndCustomer(ctx.deps, ctx.shop, input)),
  update: storefrontProcedure
    .input(updateEndCustomerInput)
    .output(accountDetailOutput)
    .mutation(({ ctx, input }) => updateEndCustomer(ctx.deps, ctx.shop, input)),
});
