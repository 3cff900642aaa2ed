import type { JobQueue, QueueDefinition } from "@cm/db";
import type { DomainDeps } from "../deps.ts";

/**
 * Each area that works in the background contributes its queues and a
 * function that starts its workers; the server starts them all at boot
 * (`background-workers.ts`).
 */
export interface BackgroundArea {
  queues: QueueDefinition[];
  /** Queues it used to have: the server deletes them with their jobs and schedules at boot. */
  retiredQueues?: string[];
  start(deps: DomainDeps, queue: JobQueue, options: WorkerOptions): Promise<void>;
}

export interface WorkerOptions {
  /**
   * This process is the only one using the database (the embedded PGlite):
   * whatever a worker had claimed before a crash is abandoned and can be
   * taken back at once instead of waiting for its lease to run out.
   */
  exclusive: boolean;
}
