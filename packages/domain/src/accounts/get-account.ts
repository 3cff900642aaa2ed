import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { staffAccountDetailSelect, toStaffAccountDetail, type StaffAccountDetailDto } from "./account-dto.ts";

export async function getAccount(deps: DomainDeps, id: string): Promise<StaffAccountDetailDto> {
  const row = await deps.db.account.findFirst({
    where: { id, kind: { not: "DISTRIBUTOR" } },
    select: staffAccountDetailSelect,
  });
  if (!row) throw notFound("The account");
  return toStaffAccountDetail(row);
}
