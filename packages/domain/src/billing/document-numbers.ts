import type { Prisma } from "@cm/db";

export type DocumentSeries = "INV" | "CRN";

/**
 * The next number of a document series, gapless: the counter row stays locked
 * until the issuing transaction commits, and a rollback gives the number back.
 * The distributor's series are "INV" and "CRN"; a reseller issuing to its
 * end-customers (`resellerAccountId`) has its own of each, keyed
 * "INV:<account id>", numbered from 1 and printed the same way.
 */
export async function nextDocumentNumber(
  tx: Prisma.TransactionClient,
  series: DocumentSeries,
  resellerAccountId: string | null = null,
): Promise<string> {
  const key = resellerAccountId ? `${series}:${resellerAccountId}` : series;
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "DocumentCounter" ("key", "last") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "last" = "DocumentCounter"."last" + 1
    RETURNING "last"`;
  if (!row) throw new Error(`no number issued for ${series}`);
  return `${series}-${String(row.last).padStart(6, "0")}`;
}

export const formatOrderNumber = (number: number) => `SO-${String(number).padStart(6, "0")}`;

/** "SO-000123", "so-123" or "123" -> 123 */
export function parseOrderNumber(text: string): number | null {
  const match = /^(?:so-?)?0*(\d{1,9})$/i.exec(text.trim());
  return match?.[1] ? Number(match[1]) : null;
}
