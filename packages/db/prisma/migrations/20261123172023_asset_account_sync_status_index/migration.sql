-- CreateIndex
CREATE INDEX "Asset_accountId_syncStatus_purchaseDate_id_idx" ON "Asset"("accountId", "syncStatus", "purchaseDate" DESC, "id");

