import type { JobQueue } from "@cm/db";

/** Runs `run` on a cron schedule (UTC): pg-boss makes one job per tick, however many servers run. */
export async function runPeriodically(
  queue: JobQueue,
  name: string,
  cron: string,
  run: () => Promise<void>,
): Promise<void> {
  await queue.schedule(name, cron);
  await queue.work(name, { pollingIntervalSeconds: 5 }, run);
}
