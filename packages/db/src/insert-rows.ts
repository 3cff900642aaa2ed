import { Prisma } from "./generated/prisma/client.ts";

/** The rows insertRows can write, typed as Prisma's createMany takes them (ids and `@updatedAt` given by the caller). */
export interface InsertableRows {
  OrderLine: Prisma.OrderLineCreateManyInput;
  Asset: Prisma.AssetCreateManyInput & { id: string; updatedAt: Date };
  AssetEvent: Prisma.AssetEventCreateManyInput & { id: string };
  ProvisioningAttempt: Prisma.ProvisioningAttemptCreateManyInput & { id: string };
  Invoice: Prisma.InvoiceCreateManyInput & { id: string };
  InvoiceLine: Prisma.InvoiceLineCreateManyInput & { id: string };
}

export type RowBatch = { [Table in keyof InsertableRows]?: InsertableRows[Table][] };

/**
 * Inserts rows of several tables in ONE statement (one round trip, one
 * statement for Prisma to run): a data-modifying CTE per table, each reading
 * its rows from a JSON parameter with `jsonb_populate_recordset`, so every
 * value goes through its column type's own input (decimals, enums, arrays,
 * timestamps, JSON) exactly as a typed insert's would. The CTEs run in one
 * statement, so a row may reference a row of another table in the same batch
 * (foreign keys are checked at the end of the statement). Columns a table's
 * rows do not name take their database default (rows naming different
 * columns go in CTEs of their own), and ids (and `@updatedAt` columns, which
 * Prisma, not the database, fills) come from the caller. Rows go in the order
 * given within a table; the tables are written in one statement, so nothing
 * may depend on the order between tables but their foreign keys.
 */
export async function insertRows(tx: Prisma.TransactionClient, batch: RowBatch): Promise<void> {
  const parts: string[] = [];
  const parameters: string[] = [];
  for (const [table, rows] of Object.entries(batch) as [string, Record<string, unknown>[] | undefined][]) {
    // Rows naming other columns go in a CTE of their own, so an absent column is its default, as in createMany.
    const byColumns = new Map<string, Record<string, unknown>[]>();
    for (const row of rows ?? []) {
      // An undefined value is an absent column, as for Prisma.
      const columns = Object.keys(row)
        .filter((column) => row[column] !== undefined)
        .sort()
        .join(",");
      byColumns.set(columns, [...(byColumns.get(columns) ?? []), row]);
    }
    for (const [columns, group] of byColumns) {
      parameters.push(JSON.stringify(group.map(toJsonRow)));
      const list = columns
        .split(",")
        .map((column) => `"${column}"`)
        .join(", ");
      parts.push(
        `"w${parts.length}" AS (INSERT INTO "public"."${table}" (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::"public"."${table}", $${parameters.length}::jsonb))`,
      );
    }
  }
  if (parts.length === 0) return;
  await tx.$executeRawUnsafe(`WITH ${parts.join(", ")} SELECT 1`, ...parameters);
}

function toJsonRow(row: Record<string, unknown>): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) if (value !== undefined) json[column] = toJsonValue(value);
  return json;
}

function toJsonValue(value: unknown): unknown {
  if (value === Prisma.DbNull) return null;
  if (value === Prisma.JsonNull || value === Prisma.AnyNull)
    throw new Error("insertRows: a JSON null is not supported");
  if (value instanceof Date) return value.toISOString();
  if (Prisma.Decimal.isDecimal(value)) return (value as Prisma.Decimal).toString();
  return value;
}
