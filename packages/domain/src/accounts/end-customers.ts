import type { ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import type { Page } from "../schemas/common.ts";
import type { CreateEndCustomerInput, UpdateEndCustomerInput } from "../schemas/accounts.ts";
import {
  accountDetailSelect,
  accountSummarySelect,
  billingColumns,
  companyColumns,
  toAccountDetail,
  toAccountSummary,
  type AccountDetailDto,
  type AccountSummaryDto,
} from "./account-dto.ts";
import { insertAccount } from "./insert-account.ts";
import { accountSearchWhere } from "./list-accounts.ts";
import { assertReseller, endCustomersWhere } from "./shop-scope.ts";
import { paginate } from "../shared/paginate.ts";

export async function listEndCustomers(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { search?: string; page: number; pageSize: number },
): Promise<Page<AccountSummaryDto>> {
  assertReseller(caller);
  const where = accountSearchWhere(input.search, endCustomersWhere(caller));
  return paginate(input, {
    count: () => deps.db.account.count({ where }),
    rows: (window) =>
      deps.db.account.findMany({
        where,
        select: accountSummarySelect,
        orderBy: [{ companyName: "asc" }, { id: "asc" }],
        ...window,
      }),
    map: toAccountSummary,
  });
}

export async function getEndCustomer(deps: DomainDeps, caller: ShopCaller, id: string): Promise<AccountDetailDto> {
  assertReseller(caller);
  // Another reseller's end-customer and a missing one look the same: not found.
  const row = await deps.db.account.findFirst({
    where: { AND: [{ id }, endCustomersWhere(caller)] },
    select: accountDetailSelect,
  });
  if (!row) throw notFound("The end-customer");
  return toAccountDetail(row);
}

export async function createEndCustomer(
  deps: DomainDeps,
  caller: ShopCaller,
  input: CreateEndCustomerInput,
): Promise<AccountDetailDto> {
  assertReseller(caller);
  const reseller = await deps.db.account.findUniqueOrThrow({
    where: { id: caller.accountId },
    select: { currency: true },
  });
  const { accountId } = await deps.db.$transaction((tx) =>
    insertAccount(tx, {
      kind: "END_CUSTOMER",
      parentId: caller.accountId,
      ...companyColumns(input),
      currency: input.currency ?? reseller.currency,
      billingAddress: input.billingAddress,
      primaryContact: input.primaryContact,
    }),
  );
  return getEndCustomer(deps, caller, accountId);
}

export async function updateEndCustomer(
  deps: DomainDeps,
  caller: ShopCaller,
  input: UpdateEndCustomerInput,
): Promise<AccountDetailDto> {
  assertReseller(caller);
  const { count } = await deps.db.account.updateMany({
    where: { AND: [{ id: input.id }, endCustomersWhere(caller)] },
    data: { ...companyColumns(input), ...billingColumns(input.billingAddress) },
  });
  if (count === 0) throw notFound("The end-customer");
  return getEndCustomer(deps, caller, input.id);
}
