import { z } from "zod";
import {
  addContact,
  grantStorefrontLogin,
  removeContact,
  resendStorefrontInvitation,
  revokeStorefrontLogin,
  setPrimaryContact,
  updateContact,
} from "../../accounts/contacts.ts";
import { createAccount } from "../../accounts/create-account.ts";
import { listStorefrontOrders } from "../../reseller-storefronts/storefront-sales.ts";
import { storefrontOrderPageOutput } from "../../reseller-storefronts/storefront-sales-output.ts";
import { bssStorefrontSalesInput } from "../../schemas/storefront-sales.ts";
import { getAccount } from "../../accounts/get-account.ts";
import { listAccounts } from "../../accounts/list-accounts.ts";
import { updateAccount } from "../../accounts/update-account.ts";
import { setVatVerified } from "../../accounts/verify-vat-number.ts";
import {
  addContactInput,
  createAccountInput,
  grantLoginInput,
  listAccountsInput,
  setVatVerifiedInput,
  updateAccountInput,
  updateContactInput,
} from "../../schemas/accounts.ts";
import { idSchema } from "../../schemas/common.ts";
import { bssStatementInput } from "../../schemas/billing.ts";
import { accountBalance, accountStatement } from "../../billing/statement.ts";
import { accountBalanceOutput, statementOutput } from "../../billing/statement-output.ts";
import { idempotent } from "../../idempotency.ts";
import { assertCallerMay } from "../../api-scopes.ts";
import { accountPageOutput, createdAccountOutput, staffAccountDetailOutput } from "../../accounts/account-output.ts";
import { router, staffProcedure } from "../../trpc.ts";

const byId = z.object({ id: idSchema });

export const bssAccountRouter = router({
  list: staffProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/distributor/accounts",
        tags: ["Accounts"],
        summary: "List accounts",
        description:
          "Resellers, direct customers and end-customers; filter by kind or by the reseller that owns them (parentId).",
      },
    })
    .input(listAccountsInput)
    .output(accountPageOutput)
    .query(({ ctx, input }) => listAccounts(ctx.deps, input)),
  get: staffProcedure
    .meta({
      rest: { method: "GET", path: "/distributor/accounts/{id}", tags: ["Accounts"], summary: "Read an account" },
    })
    .input(byId)
    .output(staffAccountDetailOutput)
    .query(({ ctx, input }) => getAccount(ctx.deps, input.id)),
  create: staffProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/distributor/accounts",
        tags: ["Accounts"],
        summary: "Create an account",
        description:
          "A reseller, a direct customer or an end-customer of a reseller (kind END_CUSTOMER with parentId). An API key cannot give the contact a Storefront login.",
      },
    })
    .input(createAccountInput.extend(idempotent.shape))
    .output(createdAccountOutput)
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => {
      if (input.primaryContactPassword || input.invitePrimaryContact)
        assertCallerMay(ctx.staff, "accounts.logins", "giving the contact a Storefront login");
      return createAccount(ctx.deps, input);
    }),
  update: staffProcedure.input(updateAccountInput).mutation(({ ctx, input }) => updateAccount(ctx.deps, input)),
  /** The VAT number was checked by hand (or the mark is taken back). */
  setVatVerified: staffProcedure
    .input(setVatVerifiedInput)
    .mutation(({ ctx, input }) => setVatVerified(ctx.deps, ctx.staff, input)),
  addContact: staffProcedure
    .input(addContactInput.extend(idempotent.shape))
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => addContact(ctx.deps, input)),
  updateContact: staffProcedure.input(updateContactInput).mutation(({ ctx, input }) => updateContact(ctx.deps, input)),
  removeContact: staffProcedure.input(byId).mutation(({ ctx, input }) => removeContact(ctx.deps, input.id)),
  setPrimaryContact: staffProcedure.input(byId).mutation(({ ctx, input }) => setPrimaryContact(ctx.deps, input.id)),
  grantStorefrontLogin: staffProcedure
    .input(grantLoginInput)
    .mutation(({ ctx, input }) => grantStorefrontLogin(ctx.deps, input)),
  resendStorefrontInvitation: staffProcedure
    .input(byId)
    .mutation(({ ctx, input }) => resendStorefrontInvitation(ctx.deps, input.id)),
  revokeStorefrontLogin: staffProcedure
    .input(byId)
    .mutation(({ ctx, input }) => revokeStorefrontLogin(ctx.deps, input.id)),
  /** What the account owes now (or is owed), per currency. */
  balance: staffProcedure
    .input(byId)
    .output(accountBalanceOutput)
    .query(({ ctx, input }) => accountBalance(ctx.deps, ctx.staff, input.id)),
  /** Its statement of account for a period. */
  statement: staffProcedure
    .input(bssStatementInput)
    .output(statementOutput)
    .query(({ ctx, input }) => accountStatement(ctx.deps, ctx.staff, input)),
  /** A reseller's two-tier orders: what its end-customers ordered at its storefront, both invoices of each, reconciled. */
  storefrontOrders: staffProcedure
    .input(bssStorefrontSalesInput)
    .output(storefrontOrderPageOutput)
    .query(({ ctx, input }) => listStorefrontOrders(ctx.deps, ctx.staff, input)),
});
