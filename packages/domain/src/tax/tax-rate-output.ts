import { z } from "zod";
import { moneyOutput, outputSchemaOf } from "../schemas/output.ts";
import type { TaxRateDto } from "./tax-rates.ts";

export const taxRateOutput = outputSchemaOf<TaxRateDto>()(
  z.object({
    country: z.string(),
    countryName: z.string(),
    rate: moneyOutput,
    validFrom: z.string(),
    inForce: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: z.date(),
  }),
);

export const taxTableOutput = outputSchemaOf<{ today: string; rates: TaxRateDto[] }>()(
  z.object({ today: z.string(), rates: z.array(taxRateOutput) }),
);
