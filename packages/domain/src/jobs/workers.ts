import type { JobQueue, QueueDefinition } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { attentionArea } from "../assets/attention-area.ts";
import { provisioningArea } from "../assets/provisioning-area.ts";
import { couponStatesArea } from "../assets/refresh-coupon-states.ts";
import { housekeepingArea } from "../housekeeping/housekeeping-area.ts";
import { notificationsArea } from "../notifications/delivery-area.ts";
import { plansArea } from "../plans/plans-area.ts";

/**
 * Each area that works in the background contributes its queues and a
 * function that starts its workers; the server starts them all at boot.
 */
export interface BackgroundArea {
  queues: QueueDefinition[];
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

const areas: BackgroundArea[] = [notificationsArea, provisioningArea, couponStatesArea, attentionArea, plansArea, housekeepingArea];

export function allQueues(): QueueDefinition[] {
  return areas.flatMap((area) => area.queues);
}

export async function startWorkers(deps: DomainDeps, options: WorkerOptions = { exclusive: false }): Promise<void> {
  for (const area of areas) await area.start(deps, deps.queue, options);
}
