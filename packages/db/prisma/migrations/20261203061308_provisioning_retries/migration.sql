-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "attentionNotifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextSyncAt" TIMESTAMPTZ(3),
ADD COLUMN     "syncAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "syncFailureCode" TEXT,
ADD COLUMN     "syncRetryUntil" TIMESTAMPTZ(3),
ADD COLUMN     "syncWindowStartedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Asset_syncStatus_nextSyncAt_idx" ON "Asset"("syncStatus", "nextSyncAt");

