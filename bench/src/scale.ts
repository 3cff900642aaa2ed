import { randomUUID } from "node:crypto";
import { migrateDatabase, openDatabase, PrismaClient } from "@cm/db";
import {
  appRouter,
  createCallerFactory,
  createContextInner,
  silentLogger,
  systemClock,
  type DomainDeps,
  type ShopCaller,
  type StaffCaller,
} from "@cm/domain";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { BenchCluster } from "./postgres.ts";
import { median } from "./stats.ts";

/** Accounts the assets are spread over: resellers, and end-customers that receive some of their assets. */
const RESELLERS = 800;
const END_CUSTOMERS = 200;
const PRODUCTS = 10;
const LINES_PER_ORDER = 10;
/** Purchases spread over three years before this instant. */
const NEWEST = "2026-01-01T00:00:00Z";

/** A deterministic, valid (version 4 shaped) UUID from a prefix and a number: ids the product's zod schemas accept. */
const uuid = (prefix: string, expression: string) => {
  const hash = `md5('${prefix}' || (${expression})::text)`;
  return `(substr(${hash}, 1, 12) || '4' || substr(${hash}, 14, 3) || '8' || substr(${hash}, 18, 15))::uuid`;
};

/**
 * A migrated database (the product's own migrations, through @cm/db) filled
 * with `assets` assets over 1,000 accounts in a few set-based statements:
 * accounts, a catalog of 10 products, orders of 10 lines, one asset per line.
 * Secondary indexes are dropped during the load and rebuilt from their own
 * definitions afterwards, and foreign-key triggers are off while loading
 * (the data is consistent by construction), so a million rows take minutes,
 * not hours.
 */
export async function seedScaleDatabase(
  cluster: BenchCluster,
  database: string,
  assets: number,
): Promise<{ seconds: number }> {
  const started = performance.now();
  await cluster.sql("postgres", `DROP DATABASE IF EXISTS ${database}`);
  await cluster.sql("postgres", `CREATE DATABASE ${database}`);
  const db = await openDatabase({ url: cluster.urlOf(database) });
  await migrateDatabase(db);
  await db.close();

  const client = new pg.Client({ connectionString: cluster.urlOf(database) });
  await client.connect();
  try {
    await client.query(
      "SET session_replication_role = replica; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off",
    );
    const tables = ["Order", "OrderLine", "Asset"];
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      [tables],
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);

    const orders = Math.ceil(assets / LINES_PER_ORDER);
    const step = `(interval '3 years' / ${assets})`;
    await client.query(`
      INSERT INTO "Account" (id, kind, "parentId", "companyName", email, "billingLine1", "billingCity", "billingPostalCode", "billingCountry", currency, "bittitanSyncStatus", "updatedAt")
      VALUES (${uuid("acct", "'distributor'")}, 'DISTRIBUTOR', NULL, 'Scale Distribution', 'billing@scale.example', '1 Main St', 'Athens', '10001', 'GR', 'EUR', 'UNSYNCHRONIZED', now());
      INSERT INTO "Account" (id, kind, "parentId", "companyName", email, "billingLine1", "billingCity", "billingPostalCode", "billingCountry", currency, "bittitanSyncStatus", "updatedAt")
      SELECT ${uuid("acct", "r")}, 'RESELLER', ${uuid("acct", "'distributor'")}, 'Reseller ' || r, 'office' || r || '@scale.example', r || ' Main St', 'Athens', '10001', 'GR', 'EUR', 'SYNCHRONIZED', now()
        FROM generate_series(0, ${RESELLERS - 1}) r;
      INSERT INTO "Account" (id, kind, "parentId", "companyName", email, "billingLine1", "billingCity", "billingPostalCode", "billingCountry", currency, "bittitanSyncStatus", "updatedAt")
      SELECT ${uuid("acct", `${RESELLERS} + e`)}, 'END_CUSTOMER', ${uuid("acct", "e")}, 'Client ' || e, 'it' || e || '@client.example', e || ' Side St', 'Athens', '10001', 'GR', 'EUR', 'UNSYNCHRONIZED', now()
        FROM generate_series(0, ${END_CUSTOMERS - 1}) e;
      INSERT INTO "BitTitanSku" (id, name, "productType", description, "listPrice", currency, "importedAt")
      VALUES ('SKU-MBX', 'Mailbox Migration', 'MailboxLicense', 'One mailbox', 10, 'USD', now());
      INSERT INTO "ProductType" (id, kind, name, "skuId", "updatedAt")
      VALUES (${uuid("type", "1")}, 'BITTITAN_MAILBOX_LICENSE', 'BitTitan Mailbox License', 'SKU-MBX', now());
      INSERT INTO "Product" (id, "productTypeId", sku, name, slug, description, "licenseCoverage", published, "updatedAt")
      SELECT ${uuid("product", "p")}, ${uuid("type", "1")}, 'SCALE-' || p, 'Mailbox Migration ' || p, 'mailbox-migration-' || p, 'Licenses', 'One mailbox', true, now()
        FROM generate_series(0, ${PRODUCTS - 1}) p;
    `);
    // Order k belongs to reseller k % 800; one order in five of the first 200 resellers is for their end-customer.
    const buyer = (order: string) => `(${order}) % ${RESELLERS}`;
    const recipient = (order: string) =>
      `CASE WHEN (${order}) / ${RESELLERS} % 5 = 0 AND ${buyer(order)} < ${END_CUSTOMERS} THEN ${RESELLERS} + ${buyer(order)} ELSE ${buyer(order)} END`;
    await client.query(`
      INSERT INTO "Order" (id, channel, status, "accountId", "recipientAccountId", currency, net, tax, gross, "createdAt", "completedAt")
      SELECT ${uuid("order", "k")}, 'STOREFRONT', 'COMPLETED', ${uuid("acct", buyer("k"))}, ${uuid("acct", recipient("k"))}, 'EUR', 120, 28.8, 148.8,
             timestamptz '${NEWEST}' - ${step} * (k * ${LINES_PER_ORDER}), timestamptz '${NEWEST}' - ${step} * (k * ${LINES_PER_ORDER})
        FROM generate_series(0, ${orders - 1}) k`);
    await client.query(`
      INSERT INTO "OrderLine" (id, "orderId", position, "productId", "productName", sku, quantity, "unitPrice", "taxRate", net, tax, gross, "assetName", "expireDays", "validityDays")
      SELECT ${uuid("line", "i")}, ${uuid("order", `i / ${LINES_PER_ORDER}`)}, i % ${LINES_PER_ORDER} + 1, ${uuid("product", `i % ${PRODUCTS}`)},
             'Mailbox Migration ' || (i % ${PRODUCTS}), 'SCALE-' || (i % ${PRODUCTS}), 1 + i % 25, 12, 24, 12 * (1 + i % 25), 2.88 * (1 + i % 25), 14.88 * (1 + i % 25),
             'Mailboxes batch ' || i, 365, 365
        FROM generate_series(0, ${assets - 1}) i`);
    await client.query(`
      INSERT INTO "Asset" (id, name, status, "accountId", "recipientAccountId", "orderId", "orderLineId", "productId", "skuId", quantity, "purchaseDate",
                           "expireDays", "validityDays", "syncStatus", "syncError", "couponCode", "couponState", "couponExpiresAt", "couponCheckedAt", "partnerId", "updatedAt")
      SELECT ${uuid("asset", "i")}, 'Mailboxes batch ' || i, 'ACTIVE', ${uuid("acct", buyer(`i / ${LINES_PER_ORDER}`))}, ${uuid("acct", recipient(`i / ${LINES_PER_ORDER}`))},
             ${uuid("order", `i / ${LINES_PER_ORDER}`)}, ${uuid("line", "i")}, ${uuid("product", `i % ${PRODUCTS}`)}, 'SKU-MBX', 1 + i % 25,
             timestamptz '${NEWEST}' - ${step} * i, 365, 365,
             s.status::"AssetSyncStatus",
             CASE WHEN s.status = 'FAILED' THEN 'BitTitan is unavailable' END,
             CASE WHEN s.status = 'SYNCHRONIZED' THEN 'MW-' || upper(substr(md5(i::text), 1, 4)) || '-' || upper(substr(md5(i::text), 5, 4)) || '-' || lpad(i::text, 7, '0') END,
             CASE WHEN s.status = 'SYNCHRONIZED' THEN (CASE WHEN i % 7 = 0 THEN 'REDEEMED' ELSE 'ACTIVE' END)::"CouponState" END,
             CASE WHEN s.status = 'SYNCHRONIZED' THEN timestamptz '${NEWEST}' - ${step} * i + interval '365 days' END,
             CASE WHEN s.status = 'SYNCHRONIZED' THEN timestamptz '${NEWEST}' END,
             CASE WHEN s.status = 'SYNCHRONIZED' THEN 'partner-' || ((i / ${LINES_PER_ORDER}) % ${RESELLERS}) END,
             now()
        FROM generate_series(0, ${assets - 1}) i
        CROSS JOIN LATERAL (SELECT CASE WHEN i % 50 = 7 THEN 'FAILED' WHEN i % 100 = 13 THEN 'PENDING' ELSE 'SYNCHRONIZED' END AS status) s`);
    for (const index of indexes) await client.query(index.definition);
    await client.query("SET session_replication_role = origin");
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
  return { seconds: (performance.now() - started) / 1000 };
}

const encodeCursor = (value: string, id: string) => Buffer.from(JSON.stringify([value, id])).toString("base64url");

export interface ScaleQuery {
  name: string;
  /** Which app asks: the BSS (staff) or the Storefront (a reseller). */
  app: "BSS" | "Storefront";
  input: Record<string, unknown>;
}

export interface ScaleTiming {
  name: string;
  app: "BSS" | "Storefront";
  medianMs: number;
  /** Median of the time Prisma reports for the SQL statements of one call (driver round trips included). */
  sqlMedianMs: number;
  statements: number;
  runs: number[];
  items: number;
}

interface Fixture {
  resellerId: string;
  productId: string;
  couponCode: string;
  deepCursor: string;
  deepShopCursor: string;
}

async function fixture(cluster: BenchCluster, database: string, assets: number): Promise<Fixture> {
  const one = async <T>(text: string, values: unknown[] = []) => {
    const [row] = await cluster.sql<T>(database, text, values);
    if (!row) throw new Error(`no row for ${text}`);
    return row;
  };
  // Reseller 7 has an end-customer (it sees assets it bought and assets its end-customer received).
  const { id: resellerId } = await one<{ id: string }>(`SELECT id FROM "Account" WHERE "companyName" = 'Reseller 7'`);
  const { id: productId } = await one<{ id: string }>(`SELECT id FROM "Product" WHERE sku = 'SCALE-3'`);
  // An asset half-way down the table (i % 50 = 1: synchronized, so it has a coupon code).
  const middle = Math.floor(assets / 100) * 50 + 1;
  const { code: couponCode } = await one<{ code: string }>(
    `SELECT "couponCode" AS code FROM "Asset" WHERE id = ${uuid("asset", "$1::int")}`,
    [middle],
  );
  const deep = await one<{ at: Date; id: string }>(
    `SELECT "purchaseDate" AS at, id FROM "Asset" ORDER BY "purchaseDate" DESC, id DESC OFFSET $1 LIMIT 1`,
    [Math.floor(assets * 0.9)],
  );
  const { count } = await one<{ count: string }>(
    `SELECT count(*) FROM "Asset" WHERE "accountId" = $1 OR "recipientAccountId" = $1`,
    [resellerId],
  );
  const deepShop = await one<{ at: Date; id: string }>(
    `SELECT "purchaseDate" AS at, id FROM "Asset" WHERE "accountId" = $1 OR "recipientAccountId" = $1 ORDER BY "purchaseDate" DESC, id DESC OFFSET $2 LIMIT 1`,
    [resellerId, Math.floor(Number(count) * 0.9)],
  );
  return {
    resellerId,
    productId,
    couponCode,
    deepCursor: encodeCursor(deep.at.toISOString(), deep.id),
    deepShopCursor: encodeCursor(deepShop.at.toISOString(), deepShop.id),
  };
}

export function scaleQueries(fx: Fixture): ScaleQuery[] {
  return [
    { name: "first page (newest 25)", app: "BSS", input: {} },
    { name: "filter: sync status FAILED", app: "BSS", input: { syncStatus: "FAILED" } },
    { name: "filter: one product", app: "BSS", input: { productId: fx.productId } },
    { name: "filter: one account", app: "BSS", input: { accountId: fx.resellerId } },
    { name: "page 90% down (keyset cursor)", app: "BSS", input: { cursor: fx.deepCursor } },
    { name: "search: coupon code", app: "BSS", input: { search: fx.couponCode } },
    { name: "sort by name, first page", app: "BSS", input: { sort: "name" } },
    { name: "reseller's assets, first page", app: "Storefront", input: {} },
    { name: "reseller's assets, 90% down", app: "Storefront", input: { cursor: fx.deepShopCursor } },
    { name: "reseller's assets, FAILED", app: "Storefront", input: { syncStatus: "FAILED" } },
  ];
}

export interface ScaleResult {
  assets: number;
  seedSeconds: number;
  timings: ScaleTiming[];
  sizes: { table: string; rows: number; totalMb: number }[];
}

interface CapturedQuery {
  query: string;
  params: string;
  duration: number;
}

function depsFor(prisma: PrismaClient): DomainDeps {
  // listAssets and the routers' scopes only touch the database.
  return { db: prisma, clock: systemClock, logger: silentLogger, publicUrl: "http://localhost" } as DomainDeps;
}

/**
 * Times the BSS and Storefront asset lists through the real tRPC procedures
 * (appRouter.bss.asset.list / storefront.asset.list: input validation,
 * scope, listAssets and its Prisma queries) on one database, median of `runs`.
 */
export async function timeAssetLists(
  cluster: BenchCluster,
  database: string,
  assets: number,
  runs: number,
): Promise<{ timings: ScaleTiming[]; captured: Map<string, CapturedQuery[]>; fixture: Fixture }> {
  const fx = await fixture(cluster, database, assets);
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: cluster.urlOf(database), max: 2 }),
    log: [{ emit: "event", level: "query" }],
  });
  let capture: CapturedQuery[] | null = null;
  prisma.$on(
    "query" as never,
    ((event: CapturedQuery) =>
      capture?.push({ query: event.query, params: event.params, duration: event.duration })) as never,
  );
  const staff: StaffCaller = {
    kind: "staff",
    userId: "bench",
    email: "bench@scale.example",
    name: "Bench",
    role: "ADMIN",
  };
  const shop: ShopCaller = {
    kind: "shop",
    userId: "bench-shop",
    email: "office7@scale.example",
    name: "Reseller 7",
    contactId: randomUUID(),
    accountId: fx.resellerId,
    accountKind: "RESELLER",
  };
  const caller = createCallerFactory(appRouter)(
    createContextInner({ deps: depsFor(prisma), getStaff: async () => staff, getShop: async () => shop }),
  );
  const timings: ScaleTiming[] = [];
  const captured = new Map<string, CapturedQuery[]>();
  const queries = scaleQueries(fx);
  const call = (query: ScaleQuery) =>
    query.app === "BSS"
      ? caller.bss.asset.list(query.input as never)
      : caller.storefront.asset.list(query.input as never);
  const samples = new Map<string, number[]>(queries.map((query) => [query.name, []]));
  const sql = new Map<string, number[]>(queries.map((query) => [query.name, []]));
  const items = new Map<string, number>();
  try {
    // Warm-up pass (plans, caches, the client's connections), keeping the SQL each call sends.
    for (const query of queries) {
      capture = [];
      items.set(query.name, (await call(query)).items.length);
      captured.set(query.name, capture);
      capture = null;
    }
    // Then `runs` passes over all queries, interleaved so that noise hits them alike.
    for (let run = 0; run < runs; run += 1) {
      for (const query of queries) {
        capture = [];
        const started = performance.now();
        await call(query);
        samples.get(query.name)?.push(performance.now() - started);
        sql.get(query.name)?.push(capture.reduce((sum, statement) => sum + statement.duration, 0));
        capture = null;
      }
    }
    for (const query of queries) {
      const runsOf = samples.get(query.name) ?? [];
      timings.push({
        name: query.name,
        app: query.app,
        medianMs: median(runsOf),
        sqlMedianMs: median(sql.get(query.name) ?? []),
        statements: captured.get(query.name)?.length ?? 0,
        runs: runsOf,
        items: items.get(query.name) ?? 0,
      });
    }
  } finally {
    await prisma.$disconnect();
  }
  return { timings, captured, fixture: fx };
}

export async function tableSizes(cluster: BenchCluster, database: string) {
  const rows = await cluster.sql<{ table: string; rows: string; bytes: string }>(
    database,
    `SELECT c.relname AS table, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes
       FROM pg_class c WHERE c.relname IN ('Asset', 'OrderLine', 'Order', 'Account') AND c.relnamespace = 'public'::regnamespace ORDER BY c.relname`,
  );
  return rows.map((row) => ({ table: row.table, rows: Number(row.rows), totalMb: Number(row.bytes) / 1024 / 1024 }));
}

/** EXPLAIN (ANALYZE, BUFFERS) of the page query a list call sent, with its real parameters. */
export async function explainCaptured(
  cluster: BenchCluster,
  database: string,
  queries: CapturedQuery[],
): Promise<{ sql: string; plan: string }> {
  // The page query is the first one listAssets sends (the relations follow).
  const main = queries.find((query) => query.query.includes('FROM "public"."Asset"')) ?? queries[0];
  if (!main) return { sql: "", plan: "(no SQL captured)" };
  const params = JSON.parse(main.params) as unknown[];
  const rows = await cluster.sql<{ "QUERY PLAN": string }>(
    database,
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${main.query}`,
    params,
  );
  return { sql: main.query, plan: rows.map((row) => row["QUERY PLAN"]).join("\n") };
}
