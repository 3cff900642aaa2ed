import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { accountDetailSelect, toAccountDetail, type AccountDetailDto } from "./account-dto.ts";

export async function getAccount(deps: DomainDeps, id: string): Promise<AccountDetailDto> {
  const row = await deps.db.account.findFirst({ where: { id, kind: { not: "DISTRIBUTOR" } }, select: accountDetailSelect });
  if (!row) throw notFound("The account");
  return toAccountDetail(row);
}
