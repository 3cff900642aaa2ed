import type { ApiClient } from "./http-client.ts";

interface AssetRow {
  id: string;
  name: string;
  syncError: string | null;
}

async function allAssets(staff: ApiClient, syncStatus: string): Promise<AssetRow[]> {
  const rows: AssetRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await staff.query<{ items: AssetRow[]; nextCursor: string | null }>("bss.asset.list", {
      syncStatus,
      sort: "newest",
      limit: 100,
      cursor,
    });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

/** Waits until no asset is being provisioned and no email waits to be sent; returns the failed assets. */
export async function settle(staff: ApiClient, timeoutMs: number): Promise<AssetRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await allAssets(staff, "PENDING");
    const queued = await staff.query<{ total: number }>("bss.notification.message.list", {
      status: "QUEUED",
      page: 1,
      pageSize: 1,
    });
    if (pending.length === 0 && queued.total === 0) return allAssets(staff, "FAILED");
    if (Date.now() > deadline)
      throw new Error(`not settled: ${pending.length} assets pending, ${queued.total} emails queued`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
