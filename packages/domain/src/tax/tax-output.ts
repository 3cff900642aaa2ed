import { TaxRegime } from "@cm/db";
import { z } from "zod";

/** Why a line is taxed as it is (see tax-regime.ts). */
export const taxRegimeOutput = z.enum(TaxRegime);
