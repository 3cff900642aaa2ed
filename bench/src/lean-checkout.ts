// The database's own limit for a checkout's work: pgbench running, per
// transaction of its script, the SQL a lean checkout would send (basket.add's
// insert, review's read, "Complete order" as one transaction with its writes
// in one statement and the gapless counter, then the background's coupon,
// attempt record, welcome email and two "sent" updates), on the product's own
// database with its tables, indexes and foreign keys, just after the checkout
// benchmark used it. The product's checkouts/s divided by this rate says how
// far the application is from what PostgreSQL can do for the same work.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTool, type BenchCluster, type PgbenchResult } from "./postgres.ts";

/** One lean checkout; `:n` picks one of the shoppers the checkout benchmark created. */
export const LEAN_CHECKOUT_SCRIPT = String.raw`\set n random(1, :shoppers)
SELECT account_id, basket_id, product_id, distributor_id FROM bench_shopper WHERE n = :n \gset
INSERT INTO "BasketLine" ("id", "basketId", "productId", "quantity", "createdAt") VALUES (gen_random_uuid(), :basket_id::uuid, :product_id::uuid, 3, now());
SELECT l."quantity", p."name", p."sku" FROM "BasketLine" l JOIN "Product" p ON p."id" = l."productId" WHERE l."basketId" = :basket_id::uuid;
BEGIN;
UPDATE "Basket" SET "version" = "version" + 1, "recipientAccountId" = NULL, "updatedAt" = now() WHERE "id" = :basket_id::uuid RETURNING "id";
DELETE FROM "BasketLine" WHERE "basketId" = :basket_id::uuid RETURNING "id", "productId", "quantity";
INSERT INTO "DocumentCounter" ("key", "last") VALUES ('LEAN', 1) ON CONFLICT ("key") DO UPDATE SET "last" = "DocumentCounter"."last" + 1 RETURNING "last" \gset
WITH o AS (INSERT INTO "Order" ("id", "channel", "status", "accountId", "recipientAccountId", "currency", "net", "tax", "gross", "completedAt") VALUES (gen_random_uuid(), 'STOREFRONT', 'COMPLETED', :account_id::uuid, :account_id::uuid, 'EUR', 44.10, 11.03, 55.13, now()) RETURNING "id"), ol AS (INSERT INTO "OrderLine" ("id", "orderId", "position", "productId", "productName", "sku", "quantity", "unitPrice", "taxRate", "net", "tax", "gross", "assetName", "expireDays", "validityDays") SELECT gen_random_uuid(), o."id", 1, :product_id::uuid, 'Lean', 'LEAN', 3, 14.70, 25, 44.10, 11.03, 55.13, 'Lean', 30, 365 FROM o RETURNING "id", "orderId"), a AS (INSERT INTO "Asset" ("id", "name", "accountId", "recipientAccountId", "orderId", "orderLineId", "productId", "skuId", "quantity", "purchaseDate", "expireDays", "validityDays", "syncWindowStartedAt", "syncRetryUntil", "updatedAt") SELECT gen_random_uuid(), 'Lean', :account_id::uuid, :account_id::uuid, ol."orderId", ol."id", :product_id::uuid, 'LEAN', 3, now(), 30, 365, now(), now() + interval '72 hours', now() FROM ol RETURNING "id"), e AS (INSERT INTO "AssetEvent" ("id", "assetId", "at", "actor", "kind") SELECT gen_random_uuid(), a."id", now(), 'lean', 'created' FROM a), i AS (INSERT INTO "Invoice" ("id", "kind", "number", "state", "issuerAccountId", "accountId", "orderId", "currency", "net", "tax", "gross", "seller", "buyer", "issuedAt", "dueAt", "amountDue") SELECT gen_random_uuid(), 'INVOICE', 'LEAN-' || :last::text, 'OPEN', :distributor_id::uuid, :account_id::uuid, o."id", 'EUR', 44.10, 11.03, 55.13, '{"name":"Seller"}', '{"name":"Buyer"}', now(), now() + interval '30 days', 55.13 FROM o RETURNING "id"), il AS (INSERT INTO "InvoiceLine" ("id", "invoiceId", "position", "description", "quantity", "unitPrice", "taxRate", "net", "tax", "gross", "assetId") SELECT gen_random_uuid(), i."id", 1, 'Lean', 3, 14.70, 25, 44.10, 11.03, 55.13, a."id" FROM i, a), m AS (INSERT INTO "EmailMessage" ("id", "eventKey", "templateKey", "fromName", "fromAddress", "to", "cc", "bcc", "recipients", "subject", "html", "text", "messageId", "queuedAt") SELECT gen_random_uuid(), 'lean-invoice:' || i."id", 'invoice-issued', 'Lean', 'lean@bench.test', ARRAY['a@bench.test'], '{}', '{}', ARRAY['a@bench.test'], 'Invoice', '<p>Invoice</p>', 'Invoice', 'lean-' || i."id" || '@bench.test', now() FROM i RETURNING "id") SELECT a."id" AS asset_id, m."id" AS invoice_email_id FROM a, m \gset
COMMIT;
UPDATE "Asset" SET "syncStatus" = 'SYNCHRONIZED', "syncAttempts" = 1, "couponCode" = 'LEAN-' || :asset_id::text, "updatedAt" = now() WHERE "id" = :asset_id::uuid AND "syncStatus" <> 'SYNCHRONIZED';
WITH p AS (INSERT INTO "ProvisioningAttempt" ("id", "assetId", "trigger", "outcome", "couponCode", "startedAt", "finishedAt") VALUES (gen_random_uuid(), :asset_id::uuid, 'order', 'SUCCEEDED', 'LEAN-' || :asset_id::text, now(), now())), m AS (INSERT INTO "EmailMessage" ("id", "eventKey", "templateKey", "fromName", "fromAddress", "to", "cc", "bcc", "recipients", "subject", "html", "text", "messageId", "queuedAt") VALUES (gen_random_uuid(), 'lean-welcome:' || :asset_id::text, 'welcome-bittitan-coupon', 'Lean', 'lean@bench.test', ARRAY['a@bench.test'], '{}', '{}', ARRAY['a@bench.test'], 'Welcome', '<p>Welcome</p>', 'Welcome', 'lean-welcome-' || :asset_id::text || '@bench.test', now()) RETURNING "id") SELECT m."id" AS welcome_email_id FROM m \gset
UPDATE "EmailMessage" SET "status" = 'SENT', "sentAt" = now(), "attempts" = "attempts" + 1 WHERE "id" = :invoice_email_id::uuid;
UPDATE "EmailMessage" SET "status" = 'SENT', "sentAt" = now(), "attempts" = "attempts" + 1 WHERE "id" = :welcome_email_id::uuid;
`;

/** Statements one run of the script sends (BEGIN and COMMIT included). */
export const LEAN_CHECKOUT_STATEMENTS = LEAN_CHECKOUT_SCRIPT.split("\n").filter(
  (line) => line.trim() !== "" && !line.startsWith("\\"),
).length;

export interface LeanCheckoutResult extends PgbenchResult {
  statements: number;
  shoppers: number;
}

/** pgbench with LEAN_CHECKOUT_SCRIPT on `database` (the product's, after the checkout benchmark: its resellers shop). */
export async function runLeanCheckoutPgbench(
  cluster: BenchCluster,
  database: string,
  options: { clients: number; threads: number; seconds: number },
): Promise<LeanCheckoutResult> {
  await cluster.sql(database, "DROP TABLE IF EXISTS bench_shopper");
  await cluster.sql(
    database,
    `CREATE TABLE bench_shopper AS
       SELECT row_number() OVER (ORDER BY b."id") AS n, b."accountId" AS account_id, b."id" AS basket_id,
              (SELECT "id" FROM "Product" WHERE "published" ORDER BY "id" LIMIT 1) AS product_id,
              (SELECT "id" FROM "Account" WHERE "kind" = 'DISTRIBUTOR') AS distributor_id
       FROM "Basket" b JOIN "Account" a ON a."id" = b."accountId" WHERE a."kind" = 'RESELLER'`,
  );
  const [{ shoppers } = { shoppers: 0 }] = await cluster.sql<{ shoppers: number }>(
    database,
    "SELECT count(*)::int AS shoppers FROM bench_shopper",
  );
  if (shoppers === 0) throw new Error("no reseller with a basket to run the lean checkout for");
  const dir = mkdtempSync(join(tmpdir(), "cm-lean-"));
  const script = join(dir, "lean-checkout.sql");
  writeFileSync(script, LEAN_CHECKOUT_SCRIPT);
  try {
    const out = await runTool(cluster, "pgbench", [
      "-n",
      "-M",
      "prepared",
      "-f",
      script,
      "-D",
      `shoppers=${shoppers}`,
      "-c",
      String(options.clients),
      "-j",
      String(options.threads),
      "-T",
      String(options.seconds),
      "-h",
      "127.0.0.1",
      "-p",
      String(cluster.port),
      "-U",
      "postgres",
      database,
    ]);
    const number = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? Number.NaN);
    return {
      scale: 0,
      ...options,
      tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
      latencyMs: number(/latency average = ([\d.]+) ms/),
      transactions: number(/number of transactions actually processed: (\d+)/),
      statements: LEAN_CHECKOUT_STATEMENTS,
      shoppers,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await cluster.sql(database, "DROP TABLE IF EXISTS bench_shopper");
  }
}
