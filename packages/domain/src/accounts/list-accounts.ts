import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import type { Page } from "../schemas/common.ts";
import type { ListAccountsInput } from "../schemas/accounts.ts";
import { accountSummarySelect, toAccountSummary, type AccountSummaryDto } from "./account-dto.ts";
import { paginate } from "../shared/paginate.ts";
import { containsText } from "../shared/text-match.ts";

/** Every customer account of the distributor, for the BSS accounts list. */
export async function listAccounts(deps: DomainDeps, input: ListAccountsInput): Promise<Page<AccountSummaryDto>> {
  const where = accountSearchWhere(input.search, {
    kind: input.kind ?? { not: "DISTRIBUTOR" },
    ...(input.parentId ? { parentId: input.parentId } : {}),
  });
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

/** Company name, email or account number ("A-00012" or "12"). */
export function accountSearchWhere(
  search: string | undefined,
  base: Prisma.AccountWhereInput,
): Prisma.AccountWhereInput {
  if (!search) return base;
  const number = /^(?:a-?)?0*(\d{1,9})$/i.exec(search)?.[1];
  return {
    AND: [
      base,
      {
        OR: [
          { companyName: containsText(search) },
          { email: containsText(search) },
          ...(number ? [{ number: Number(number) }] : []),
        ],
      },
    ],
  };
}
