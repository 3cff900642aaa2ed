import type { Prisma } from "@cm/db";
import { defaultBranding, type Branding } from "@cm/notifications";
import { loadDistributor } from "../shared/get-distributor.ts";

/** The saved branding, or a default named after the distributor until staff set one. */
export async function loadBranding(db: Prisma.TransactionClient): Promise<Branding & { saved: boolean }> {
  const row = await db.branding.findUnique({
    where: { id: "default" },
    select: { displayName: true, logoUrl: true, primaryColor: true },
  });
  if (row) return { ...row, saved: true };
  const distributor = await loadDistributor(db);
  return { ...defaultBranding(distributor?.companyName ?? "CloudMarket"), saved: false };
}
