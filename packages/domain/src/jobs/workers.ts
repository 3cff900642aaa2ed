import type { JobQueue, QueueDefinition } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { provisioningArea } from "../assets/provisioning-area.ts";
import { couponStatesArea } from "../assets/refresh-coupon-states.ts";
import { notificationsArea } from "../notifications/delivery-area.ts";

/**
 * Each area that works in the background contributes its queues and a
 * function that starts its workers; the server starts them all at boot.
 */
export interface BackgroundArea {
  queues: QueueDefinition[];
  start(deps: DomainDeps, queue: JobQueue): Promise<void>;
}

const areas: BackgroundArea[] = [notificationsArea, provisioningArea, couponStatesArea];

export function allQueues(): QueueDefinition[] {
  return areas.flatMap((area) => area.queues);
}

export async function startWorkers(deps: DomainDeps): Promise<void> {
  for (const area of areas) await area.start(deps, deps.queue);
}
