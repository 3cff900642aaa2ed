import type { BackgroundArea } from "../jobs/background-area.ts";
import { seedPlans } from "./plan-catalog.ts";
import { processPlanPeriods } from "./process-plan-periods.ts";

export const PLAN_PERIODS_QUEUE = "plans.process-periods";

/**
 * Reseller plans in the background: the two plans are created at start when
 * missing (unpublished until staff price and publish them), and every ten
 * minutes the period-end job renews, cancels and purges.
 */
export const plansArea: BackgroundArea = {
  queues: [
    { name: PLAN_PERIODS_QUEUE, retryLimit: 2, retryDelaySeconds: 60, retryBackoff: false, expireInSeconds: 600 },
  ],
  async start(deps, queue) {
    const distributor = await deps.db.account.findFirst({ where: { kind: "DISTRIBUTOR" }, select: { currency: true } });
    const seeded = await seedPlans(deps, {
      published: false,
      standardPrices: [],
      freeCurrencies: distributor ? [distributor.currency] : [],
    });
    if (seeded > 0) deps.logger.info({ seeded }, "reseller plans created");
    await queue.schedule(PLAN_PERIODS_QUEUE, "*/10 * * * *");
    await queue.work(PLAN_PERIODS_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      const result = await processPlanPeriods(deps);
      if (result.renewed + result.cancelled + result.purged > 0) deps.logger.info(result, "plan periods processed");
    });
  },
};
