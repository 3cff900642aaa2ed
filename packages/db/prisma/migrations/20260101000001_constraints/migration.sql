-- Rules Prisma's schema language cannot state (this migration is hand-written).

-- An instance has exactly one distributor: the owner of the account tree.
CREATE UNIQUE INDEX "Account_one_distributor" ON "Account" ((true)) WHERE "kind" = 'DISTRIBUTOR';

-- An account is never its own parent.
ALTER TABLE "Account" ADD CONSTRAINT "Account_not_own_parent" CHECK ("parentId" IS NULL OR "parentId" <> "id");

-- Searching assets by any part of their name or coupon code stays fast at a
-- million rows (trigram indexes serve ILIKE '%…%').
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Asset_name_trgm" ON "Asset" USING gin ("name" gin_trgm_ops);
CREATE INDEX "Asset_couponCode_trgm" ON "Asset" USING gin ("couponCode" gin_trgm_ops);

-- Reseller plans (packages/domain/src/plans).
-- A Storefront alias is unique whatever its case, lower-case and URL-safe (the
-- first path segment of https://<storefront>/<alias>).
CREATE UNIQUE INDEX "ResellerStorefront_alias_lower_key" ON "ResellerStorefront" (lower("alias"));
ALTER TABLE "ResellerStorefront" ADD CONSTRAINT "ResellerStorefront_alias_format" CHECK ("alias" ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$');

-- At most one plan subscription per account is in effect.
CREATE UNIQUE INDEX "PlanSubscription_one_in_effect" ON "PlanSubscription" ("accountId") WHERE "status" IN ('ACTIVE', 'PENDING_CANCELLATION');

-- A basket or order line is either a BitTitan product line or a plan line.
ALTER TABLE "BasketLine" ADD CONSTRAINT "BasketLine_product_or_plan" CHECK (("productId" IS NULL) <> ("planId" IS NULL));
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_product_or_plan" CHECK (("productId" IS NULL) <> ("planId" IS NULL));
