/** Nearest-rank percentile of unsorted samples (NaN when empty). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export const median = (samples: number[]) => percentile(samples, 50);

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function distribution(samples: number[]): Distribution {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
    mean: samples.length ? samples.reduce((sum, value) => sum + value, 0) / samples.length : Number.NaN,
  };
}

/** "12.3" / "1,234" / "–" */
export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "–";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fmtMs(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return value >= 100 ? fmt(value, 0) : value >= 10 ? fmt(value, 1) : fmt(value, 2);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function say(message: string) {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)}  ${message}\n`);
}
