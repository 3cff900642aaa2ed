import { getCompany, updateCompany } from "../../accounts/distributor-company.ts";
import { updateCompanyInput } from "../../schemas/setup.ts";
import { router, staffProcedure } from "../../trpc.ts";

/** Setup > Company: every staff member reads the distributor's details; administrators change them. */
export const bssCompanyRouter = router({
  get: staffProcedure.query(({ ctx }) => getCompany(ctx.deps)),
  update: staffProcedure.input(updateCompanyInput).mutation(({ ctx, input }) => updateCompany(ctx.deps, input)),
});
