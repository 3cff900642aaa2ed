import type { Page } from "../schemas/common.ts";

/**
 * One numbered page of a list and the total count, read together. For lists
 * that stay small (accounts, products, orders, invoices); the asset list,
 * which can hold millions of rows, uses keyset cursors instead.
 */
export async function paginate<Row, Item>(
  input: { page: number; pageSize: number },
  query: {
    count: () => Promise<number>;
    rows: (window: { skip: number; take: number }) => Promise<Row[]>;
    map: (row: Row) => Item;
  },
): Promise<Page<Item>> {
  const [total, rows] = await Promise.all([
    query.count(),
    query.rows({ skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
  ]);
  return { items: rows.map(query.map), total, page: input.page, pageSize: input.pageSize };
}
