import type { Prisma } from "@cm/db";
import { defaultBranding, type Branding } from "@cm/notifications";
import { loadDistributor } from "../shared/get-distributor.ts";

/** The saved branding, or a default named after the distributor until staff set one. */
export async function loadBranding(db: Prisma.TransactionClient): Promise<Branding & { saved: boolean }> {
  return brandingOf(
    db,
    await db.branding.findUnique({
      where: { id: "default" },
      select: { displayName: true, logoUrl: true, primaryColor: true },
    }),
  );
}

/** The branding from its row as read (null: staff never saved one, so one more read names it after the distributor). */
export async function brandingOf(
  db: Prisma.TransactionClient,
  row: Branding | null,
): Promise<Branding & { saved: boolean }> {
  if (row) return { ...row, saved: true };
  const distributor = await loadDistributor(db);
  return { ...defaultBranding(distributor?.companyName ?? "CloudMarket"), saved: false };
}
