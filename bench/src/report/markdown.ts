// Markdown and number formatting shared by the report's sections.
import { fmt, fmtMs, type Distribution } from "../stats.ts";

export const KB = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
export const pass = (ok: boolean) => (ok ? "✅ met" : "❌ not met");
export const dist = (d: Distribution) => `${fmtMs(d.p50)} / ${fmtMs(d.p95)} / ${fmtMs(d.p99)}`;
export const count = (value: number) => value.toLocaleString("en");

/** A PostgreSQL setting as people read it: "16384 8kB" (pages) -> "128 MB"; "4096 kB" -> "4 MB". */
export function setting(value: string): string {
  const pages = /^(\d+) 8kB$/.exec(value);
  if (pages) return `${(Number(pages[1]) * 8) / 1024} MB`;
  const kilobytes = /^(\d+) kB$/.exec(value);
  return kilobytes ? `${Number(kilobytes[1]) / 1024} MB` : value;
}

export function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

/** Code in a table cell: pipes escaped, cut after `max` characters. */
export function codeCell(text: string, max = Number.POSITIVE_INFINITY): string {
  return `\`${text.slice(0, max).replace(/\|/g, "\\|")}${text.length > max ? "…" : ""}\``;
}
