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
