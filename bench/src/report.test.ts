import { describe, expect, it } from "vitest";
import { fixture, previousFile } from "./report.fixture.ts";
import { renderResults } from "./report.ts";

const report = renderResults(fixture, previousFile);

describe("renderResults", () => {
  it("renders the fixture exactly as the stored RESULTS.md", async () => {
    await expect(report).toMatchFileSnapshot("./__snapshots__/report.expected.md");
  });

  it("writes the machine and the settings", () => {
    expect(report).toMatch(/^# Benchmark results\n/);
    expect(report).toContain("on 2026-11-23 17:22 UTC in 6.1 min.");
    expect(report).toContain("| CPU | AMD EPYC, 2 cores |");
    expect(report).toContain(
      "(throwaway cluster: fsync=off, shared_buffers=128 MB, work_mem=4 MB, max_connections=200)",
    );
    expect(report).toContain("| Load average (1/5/15 min) | before 1.06 / 1.81 / 3.09, after 1.82 / 1.75 / 2.68 |");
    expect(report).toContain("2 server processes on PostgreSQL (WEB_CONCURRENCY); asset scales 10,000 and 1,000,000");
  });

  it("compares with the targets and pgbench", () => {
    expect(report).toContain("| checkouts/s at 8 clients (PostgreSQL) ≥ 60 | **13.3** | ❌ not met |");
    expect(report).toContain("| complete p99 at 8 clients < 100 ms | **799 ms** | ❌ not met |");
    expect(report).toContain(
      "| server CPU per checkout at 8 clients ≤ 25 ms | **68.4 ms** (0.91 cores ÷ 13.3/s) | ❌ not met |",
    );
    expect(report).toContain(
      "| SQL statements per checkout, background work included (pg_stat_statements) ≤ 20 | **81.3** | ❌ not met |",
    );
    expect(report).toContain("| checkouts/s at 8 clients (embedded PGlite) ≥ 30 | **9.0** | ❌ not met |");
    expect(report).toContain(
      "| checkouts/s ÷ pgbench TPC-B TPS at 8 clients (the yardstick, no target) | 13.3 ÷ 3,785 = **0.0035** | – |",
    );
    expect(report).toContain("| Storefront catalog cold first render < 300 ms (median) | **305 ms** | ❌ not met |");
    expect(report).toMatch(
      /\| asset lists: 1,000,000 ÷ 10,000 time < 1\.5 for every query \| worst \*\*1\.70\*\* \(BSS: FAILED assets\); 1 of 4 queries at or over 1\.5 \| ❌ not met \|/,
    );
    expect(report).toContain("| Storefront initial JS + CSS < 200 KB gzip | **142.1 KB** | ✅ met |");
    expect(report).toContain("**pgbench** on the same server");
    expect(report).toContain("**3,785 TPS**, average latency 2.11 ms.");
    // The ÷ pgbench column of the PostgreSQL table (and not of PGlite's).
    expect(report).toContain("| 8 | **13.3** | 282 / 710 / 799 | 481 / 1,120 / 1,444 | 12.3 | 8.76 | 0.0035 |");
    expect(report.match(/÷ pgbench TPS \|/g)).toHaveLength(1);
  });

  it("keeps the hand-written analysis and the chaos block, and drops the rest of the old file", () => {
    expect(report).toContain("Hand-written: the lock on the account row bounds throughput.\n<!-- analysis:end -->");
    expect(report).toContain(
      "## Chaos run\n\n<!-- chaos:begin -->\nThe gateway's breaker opened 3 times; every order got its coupon.\n<!-- chaos:end -->",
    );
    expect(report).not.toContain("stale generated text");
    expect(report.indexOf("## Against the targets")).toBeLessThan(report.indexOf("## Analysis"));
    expect(report.indexOf("## Analysis")).toBeLessThan(report.indexOf("## 1. Checkout throughput, PostgreSQL"));
  });

  it("writes a placeholder analysis and no chaos section into a new file", () => {
    const fresh = renderResults(fixture, "");
    expect(fresh).toContain(
      "<!-- analysis:begin (hand-written; kept when the script rewrites this file) -->\n## Analysis\n\n(What bounds the figures below",
    );
    expect(fresh).not.toContain("## Chaos run");
  });

  it("writes every section in order", () => {
    const headings = report.split("\n").filter((line) => line.startsWith("#"));
    expect(headings).toEqual([
      "# Benchmark results",
      "## Machine",
      "## Against the targets",
      "## Analysis",
      "## 1. Checkout throughput, PostgreSQL",
      "### Where the database time goes (pg_stat_statements, 8 clients)",
      "### What one statement costs the Node process",
      "### Where the server's CPU goes (node --cpu-prof, 8 clients, 10 s)",
      "## 2. Checkout throughput, embedded PGlite (the default, no `DATABASE_URL`)",
      "## 3. Asset lists at scale",
      "## 4. Front end",
      "## Chaos run",
    ]);
  });

  it("writes the checkout details: pipeline, connections, statements, profile, busy-machine warning", () => {
    expect(report).toContain("⚠ Other processes used 0.35 cores at 8 clients of the machine's 2 while this ran");
    expect(report).toContain("⚠ Other processes used 0.60 cores at 32 clients of the machine's 2 while this ran");
    expect(report).toContain("| 32 | 10.70 | 10.10 | 2,468 | 270 / 800 / 1,400 | 380 / 920 / 1,520 | 14 of 260 |");
    expect(report).toContain("waiting for a lock (transactionid)");
    expect(report).toContain("| 3× TIMEOUT, 1× CONFLICT |");
    expect(report).toContain("\\|\\|"); // pipes escaped in statements
    expect(report).toContain("…` |"); // long statements cut
    expect(report).toContain("the main thread was busy 86% of the time");
    expect(report).toContain("| pg over the Unix socket | 45 | 30 |");
    expect(report).toContain("0.91 / 0.35 / 0.04 / 0.22 / –"); // older JSON without `others`
  });

  it("writes the scale tables, the plans and the front end", () => {
    expect(report).toContain("| assets | seeded in | Asset size | OrderLine size |");
    expect(report).toContain("| 1,000,000 | 213 s | 410 MB | 290 MB |");
    expect(report).toMatch(/\| BSS \| FAILED assets \| 8\.30 \| 14\.1 \| .* \| 1\.70 ❌ \| \+5\.81 \|/);
    expect(report).toContain("“Storefront: reseller's assets, 90% down” (the slowest):");
    expect(report).toContain("“BSS: FAILED assets” (grew the most):");
    expect(report).toContain('```sql\nSELECT * FROM "Asset" WHERE "ownerId"');
    expect(report).not.toContain("```sql\nSELECT 1"); // only the plans of the largest scale
    expect(report).toContain("| Storefront | 2 | 127.0 KB | 15.1 KB | **142.1 KB** | 449.2 KB |");
    expect(report).toContain("| cold (new browser context: empty cache, session cookie) | **305** |");
    expect(report).toContain("| `/trpc/storefront.catalog.list` (request → response) | 161 → 291 |");
    expect(report).not.toContain("storefront.basket.get"); // after the first card
  });
});
