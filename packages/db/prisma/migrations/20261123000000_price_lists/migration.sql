-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "priceListId" UUID;

-- CreateTable
CREATE TABLE "PriceList" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PriceList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceListEntry" (
    "priceListId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "unitPrice" DECIMAL(14,2) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PriceListEntry_pkey" PRIMARY KEY ("priceListId","productId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PriceList_name_key" ON "PriceList"("name");

-- CreateIndex
CREATE INDEX "PriceList_currency_name_idx" ON "PriceList"("currency", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PriceList_id_currency_key" ON "PriceList"("id", "currency");

-- CreateIndex
CREATE INDEX "PriceListEntry_productId_idx" ON "PriceListEntry"("productId");

-- CreateIndex
CREATE INDEX "Account_priceListId_idx" ON "Account"("priceListId");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_priceListId_fkey" FOREIGN KEY ("priceListId") REFERENCES "PriceList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriceListEntry" ADD CONSTRAINT "PriceListEntry_priceListId_fkey" FOREIGN KEY ("priceListId") REFERENCES "PriceList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriceListEntry" ADD CONSTRAINT "PriceListEntry_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written (Prisma's schema language cannot state these):
-- an account's price list is in the account's currency. The services refuse a
-- mismatch with a clear message; this keeps it true whatever writes the rows
-- (a list's currency or an account's currency cannot change under the other).
ALTER TABLE "Account" ADD CONSTRAINT "Account_priceList_currency_fkey" FOREIGN KEY ("priceListId", "currency") REFERENCES "PriceList"("id", "currency") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- No negative list prices.
ALTER TABLE "PriceListEntry" ADD CONSTRAINT "PriceListEntry_unitPrice_not_negative" CHECK ("unitPrice" >= 0);
