// "### Where the database time goes": the checkout's SQL from pg_stat_statements, by time and by frequency.
import { fmt } from "../stats.ts";
import type { SuiteResult } from "../suite.ts";
import { codeCell, count, table } from "./markdown.ts";

type Sql = NonNullable<SuiteResult["sql"]>;

function byTime(sql: Sql): string[] {
  return [
    `### Where the database time goes (pg_stat_statements, ${sql.level} clients)`,
    "",
    `${fmt(sql.statementsPerCheckout, 1)} SQL statements and ${fmt(sql.dbMsPerCheckout, 1)} ms of PostgreSQL execution time per completed checkout ` +
      "(everything in the product's database during the level: the three requests, session lookups, pg-boss and the background workers).",
    "",
    table(
      ["statement", "calls", "total ms", "mean ms"],
      sql.top
        .slice(0, 12)
        .map((statement) => [
          codeCell(statement.query, 140),
          count(statement.calls),
          fmt(statement.totalMs, 0),
          fmt(statement.meanMs, 2),
        ]),
    ),
    "",
  ];
}

function byFrequency(sql: Sql): string[] {
  return [
    "The most frequent statements:",
    "",
    table(
      ["statement", "calls", "per checkout", "mean ms"],
      sql.frequent
        .slice(0, 10)
        .map((statement) => [
          codeCell(statement.query, 140),
          count(statement.calls),
          fmt(statement.calls / Math.max(1, sql.checkouts ?? 1), 2),
          fmt(statement.meanMs, 2),
        ]),
    ),
    "",
  ];
}

export function statementsSection(sql: SuiteResult["sql"]): string[] {
  return sql ? [...byTime(sql), ...byFrequency(sql)] : [];
}
