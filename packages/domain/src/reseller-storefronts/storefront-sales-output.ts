import { InvoiceKind, InvoiceState, OrderStatus } from "@cm/db";
import { z } from "zod";
import { companyRefOutput, moneyOutput, outputSchemaOf, pageOutput } from "../schemas/output.ts";
import type { Page } from "../schemas/common.ts";
import type { SpecialPriceDto } from "./special-prices.ts";
import type { StorefrontOrderDto, TierDto } from "./storefront-sales.ts";

export const specialPricesOutput = outputSchemaOf<SpecialPriceDto[]>()(
  z.array(
    z.object({
      endCustomer: companyRefOutput,
      product: z.object({ id: z.string(), name: z.string() }),
      currency: z.string(),
      unitPrice: moneyOutput,
      buyingPrice: moneyOutput.nullable(),
      setBy: z.string(),
      updatedAt: z.date(),
    }),
  ),
);

const tierOutput = outputSchemaOf<TierDto>()(
  z.object({ invoiced: moneyOutput, credited: moneyOutput, balance: moneyOutput, balanceNet: moneyOutput }),
);

export const storefrontOrderPageOutput = outputSchemaOf<Page<StorefrontOrderDto>>()(
  pageOutput(
    z.object({
      id: z.string(),
      number: z.string(),
      status: z.enum(OrderStatus),
      createdAt: z.date(),
      endCustomer: companyRefOutput,
      currency: z.string(),
      endCustomerSide: tierOutput,
      resellerSide: tierOutput,
      margin: moneyOutput,
      documents: z.array(
        z.object({
          id: z.string(),
          number: z.string(),
          kind: z.enum(InvoiceKind),
          state: z.enum(InvoiceState),
          gross: moneyOutput,
          issuedBy: z.enum(["RESELLER", "DISTRIBUTOR"]),
        }),
      ),
    }),
  ),
);
