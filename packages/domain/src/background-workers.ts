import type { QueueDefinition } from "@cm/db";
import type { DomainDeps } from "./deps.ts";
import { attentionArea } from "./assets/attention-area.ts";
import { provisioningArea } from "./assets/provisioning-area.ts";
import { couponStatesArea } from "./assets/refresh-coupon-states.ts";
import { housekeepingArea } from "./housekeeping/housekeeping-area.ts";
import type { BackgroundArea, WorkerOptions } from "./jobs/background-area.ts";
import { notificationsArea } from "./notifications/delivery-area.ts";
import { plansArea } from "./plans/plans-area.ts";
import { webhooksArea } from "./webhooks/webhooks-area.ts";

/** The registry of the areas that work in the background; the server starts them all at boot. */
const areas: BackgroundArea[] = [
  notificationsArea,
  provisioningArea,
  couponStatesArea,
  attentionArea,
  plansArea,
  housekeepingArea,
  webhooksArea,
];

export function allQueues(): QueueDefinition[] {
  return areas.flatMap((area) => area.queues);
}

export function retiredQueues(): string[] {
  return areas.flatMap((area) => area.retiredQueues ?? []);
}

export async function startWorkers(deps: DomainDeps, options: WorkerOptions = { exclusive: false }): Promise<void> {
  for (const area of areas) await area.start(deps, deps.queue, options);
}
