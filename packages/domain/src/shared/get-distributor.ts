import type { Prisma, PrismaClient } from "@cm/db";
import { DomainError } from "../errors.ts";

/** The instance owner: every reseller and direct customer hangs under it. */
export async function getDistributorId(db: PrismaClient | Prisma.TransactionClient): Promise<string> {
  const distributor = await db.account.findFirst({ where: { kind: "DISTRIBUTOR" }, select: { id: true } });
  if (!distributor) throw new DomainError("PRECONDITION_FAILED", "The distributor account is not set up yet");
  return distributor.id;
}
