-- A subscription's periods end on the day of the month it started on (its
-- anchor), on the distributor's calendar: bought on 31 Jan, they end on
-- 28 Feb, 31 Mar... (renewals used to add a month to the last end, so after
-- February they stayed on the 28th).
ALTER TABLE "PlanSubscription" ADD COLUMN "anchorDay" INTEGER;

-- Existing subscriptions: the day they started, in the distributor's time zone (UTC when none is set).
UPDATE "PlanSubscription"
SET "anchorDay" = EXTRACT(DAY FROM "startedAt" AT TIME ZONE COALESCE(
  (SELECT "timeZone" FROM "Account" WHERE "kind" = 'DISTRIBUTOR' AND "timeZone" IS NOT NULL LIMIT 1),
  'UTC'
))::INTEGER;

ALTER TABLE "PlanSubscription" ALTER COLUMN "anchorDay" SET NOT NULL;
ALTER TABLE "PlanSubscription" ADD CONSTRAINT "PlanSubscription_anchorDay_check" CHECK ("anchorDay" BETWEEN 1 AND 31);
