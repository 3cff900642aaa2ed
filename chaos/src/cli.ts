// `npm run chaos [-- --checkouts 1000 --clients 16 --kills 4 --database postgres|pglite]`
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { findPostgresBinaries } from "@cm/testing";
import { formatReport } from "./report.ts";
import { runChaos } from "./run-chaos.ts";

const { values } = parseArgs({
  options: {
    checkouts: { type: "string", default: "1000" },
    clients: { type: "string", default: "16" },
    kills: { type: "string", default: "4" },
    database: { type: "string" },
    "no-write": { type: "boolean", default: false },
  },
});
const database =
  values.database === "pglite" || values.database === "postgres"
    ? values.database
    : findPostgresBinaries()
      ? "postgres"
      : "pglite";

const report = await runChaos({
  checkouts: Number(values.checkouts),
  clients: Number(values.clients),
  kills: Number(values.kills),
  database,
  errorRate: 0.3,
  lostResponseRate: 0.1,
  latencyMs: 40,
  smtpOutageMs: 15_000,
  bittitanOutageMs: 60_000,
  duplicateRate: 0.1,
  log: (line) => console.warn(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`),
});
const markdown = formatReport(report);
process.stdout.write(`\n${markdown}\n`);
if (!values["no-write"]) {
  const file = join(import.meta.dirname, "..", "..", "bench", "RESULTS.md");
  const begin = "<!-- chaos:begin -->";
  const end = "<!-- chaos:end -->";
  const section = `${begin}\n${markdown}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n";
  const next = current.includes(begin)
    ? current.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), section)
    : `${current.trimEnd()}\n\n## Chaos run\n\n${section}\n`;
  writeFileSync(file, next);
  console.warn(`summary written to ${file}`);
}
process.exit(report.ok ? 0 : 1);
