import { addTaxRateInput } from "../../schemas/tax.ts";
import { taxRateOutput, taxTableOutput } from "../../tax/tax-rate-output.ts";
import { addTaxRate, listTaxRates } from "../../tax/tax-rates.ts";
import { router, staffProcedure } from "../../trpc.ts";

/** Catalog > Tax rates: each country's standard VAT rate over time. */
export const bssTaxRateRouter = router({
  list: staffProcedure.output(taxTableOutput).query(({ ctx }) => listTaxRates(ctx.deps)),
  create: staffProcedure
    .input(addTaxRateInput)
    .output(taxRateOutput)
    .mutation(({ ctx, input }) => addTaxRate(ctx.deps, ctx.staff, input)),
});
