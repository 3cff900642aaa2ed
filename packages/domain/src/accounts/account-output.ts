import { AccountKind, AccountStatus, BitTitanSyncStatus } from "@cm/db";
import { z } from "zod";
import type { Page } from "../schemas/common.ts";
import { companyRefOutput, outputSchemaOf, pageOutput } from "../schemas/output.ts";
import type {
  AccountDetailDto,
  AccountSummaryDto,
  BillingAddressDto,
  ContactDto,
  StaffAccountDetailDto,
} from "./account-dto.ts";
import type { MyAccountDto } from "./my-account.ts";

export const billingAddressOutput = outputSchemaOf<BillingAddressDto>()(
  z.object({
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postalCode: z.string(),
    country: z.string(),
  }),
);

const contactOutput = outputSchemaOf<ContactDto>()(
  z.object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    jobTitle: z.string().nullable(),
    isPrimary: z.boolean(),
    loginEmail: z.string().nullable(),
    loginPasswordSet: z.boolean().nullable(),
  }),
);

export const accountSummaryOutput = outputSchemaOf<AccountSummaryDto>()(
  z.object({
    id: z.string(),
    number: z.string(),
    kind: z.enum(AccountKind),
    status: z.enum(AccountStatus),
    companyName: z.string(),
    email: z.string(),
    country: z.string(),
    currency: z.string(),
    parent: companyRefOutput.nullable(),
    bittitanSyncStatus: z.enum(BitTitanSyncStatus),
    createdAt: z.date(),
  }),
);

/** A Storefront caller's own account or one of its end-customers (never the price list staff see). */
export const accountDetailOutput = outputSchemaOf<AccountDetailDto>()(
  accountSummaryOutput.extend({
    phone: z.string().nullable(),
    taxId: z.string().nullable(),
    website: z.string().nullable(),
    billingAddress: billingAddressOutput,
    primaryContact: contactOutput.nullable(),
    contacts: z.array(contactOutput),
    endCustomers: z.array(accountSummaryOutput),
  }),
);

export const accountPageOutput = outputSchemaOf<Page<AccountSummaryDto>>()(pageOutput(accountSummaryOutput));

export const myAccountOutput = outputSchemaOf<MyAccountDto>()(
  z.object({
    account: accountDetailOutput,
    me: z.object({ contactId: z.string(), name: z.string(), email: z.string() }),
  }),
);

/** An account as the distributor sees it (the back office and a distributor's API key). */
export const staffAccountDetailOutput = outputSchemaOf<StaffAccountDetailDto>()(
  accountDetailOutput.extend({
    priceList: z.object({ id: z.string(), name: z.string(), currency: z.string() }).nullable(),
    vatVerified: z.object({ at: z.date(), by: z.string() }).nullable(),
  }),
);

/** A created account, and whom its primary contact's Storefront invitation went to (null: none was sent). */
export const createdAccountOutput = outputSchemaOf<StaffAccountDetailDto & { invitationSentTo: string | null }>()(
  staffAccountDetailOutput.extend({ invitationSentTo: z.string().nullable() }),
);
