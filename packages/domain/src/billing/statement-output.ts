import { z } from "zod";
import { documentRefOutput, moneyOutput, outputSchemaOf } from "../schemas/output.ts";
import type { AccountBalanceDto, StatementDto } from "./statement.ts";

export const statementOutput = outputSchemaOf<StatementDto>()(
  z.object({
    account: z.object({ id: z.string(), number: z.string(), companyName: z.string() }),
    currency: z.string(),
    currencies: z.array(z.string()),
    from: z.string(),
    to: z.string(),
    timeZone: z.string(),
    openingBalance: moneyOutput,
    closingBalance: moneyOutput,
    totals: z.object({
      invoiced: moneyOutput,
      credited: moneyOutput,
      voided: moneyOutput,
      paid: moneyOutput,
      refunded: moneyOutput,
    }),
    lines: z.array(
      z.object({
        date: z.string(),
        kind: z.enum(["invoice", "credit-note", "void", "payment", "refund"]),
        document: documentRefOutput.nullable(),
        description: z.string(),
        amount: moneyOutput,
        balance: moneyOutput,
      }),
    ),
  }),
);

export const accountBalanceOutput = outputSchemaOf<AccountBalanceDto[]>()(
  z.array(z.object({ currency: z.string(), balance: moneyOutput, amountDue: moneyOutput, refundDue: moneyOutput })),
);
