-- DropIndex
DROP INDEX "Order_accountId_idempotencyKey_key";

-- DropIndex
DROP INDEX "Invoice_number_key";

-- DropIndex
DROP INDEX "Invoice_creditAssetId_key";

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "placedByAccountId" UUID,
ADD COLUMN     "resaleGross" DECIMAL(14,2),
ADD COLUMN     "resaleNet" DECIMAL(14,2),
ADD COLUMN     "resaleTax" DECIMAL(14,2),
ADD COLUMN     "storefrontId" UUID;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "resaleGross" DECIMAL(14,2),
ADD COLUMN     "resaleNet" DECIMAL(14,2),
ADD COLUMN     "resaleTax" DECIMAL(14,2),
ADD COLUMN     "resaleTaxRate" DECIMAL(5,2),
ADD COLUMN     "resaleTaxRegime" "TaxRegime",
ADD COLUMN     "resaleUnitPrice" DECIMAL(14,2);

-- AlterTable: every invoice so far was the distributor's (it issued them all).
ALTER TABLE "Invoice" ADD COLUMN     "issuerAccountId" UUID;
UPDATE "Invoice" SET "issuerAccountId" = (SELECT "id" FROM "Account" WHERE "kind" = 'DISTRIBUTOR' ORDER BY "createdAt" LIMIT 1);
ALTER TABLE "Invoice" ALTER COLUMN "issuerAccountId" SET NOT NULL;

-- Orders placed with a key so far were placed by a contact of the billed account.
UPDATE "Order" SET "placedByAccountId" = "accountId" WHERE "placedByContactId" IS NOT NULL;

-- CreateTable
CREATE TABLE "StorefrontSpecialPrice" (
    "storefrontId" UUID NOT NULL,
    "endCustomerAccountId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "unitPrice" DECIMAL(14,2) NOT NULL,
    "setBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StorefrontSpecialPrice_pkey" PRIMARY KEY ("storefrontId","endCustomerAccountId","productId")
);

-- CreateIndex
CREATE INDEX "StorefrontSpecialPrice_endCustomerAccountId_idx" ON "StorefrontSpecialPrice"("endCustomerAccountId");

-- CreateIndex
CREATE INDEX "Order_storefrontId_createdAt_idx" ON "Order"("storefrontId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_placedByAccountId_idempotencyKey_key" ON "Order"("placedByAccountId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Invoice_issuerAccountId_issuedAt_idx" ON "Invoice"("issuerAccountId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_issuerAccountId_number_key" ON "Invoice"("issuerAccountId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_issuerAccountId_creditAssetId_key" ON "Invoice"("issuerAccountId", "creditAssetId");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_placedByAccountId_fkey" FOREIGN KEY ("placedByAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_storefrontId_fkey" FOREIGN KEY ("storefrontId") REFERENCES "ResellerStorefront"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_issuerAccountId_fkey" FOREIGN KEY ("issuerAccountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorefrontSpecialPrice" ADD CONSTRAINT "StorefrontSpecialPrice_storefrontId_fkey" FOREIGN KEY ("storefrontId") REFERENCES "ResellerStorefront"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorefrontSpecialPrice" ADD CONSTRAINT "StorefrontSpecialPrice_endCustomerAccountId_fkey" FOREIGN KEY ("endCustomerAccountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorefrontSpecialPrice" ADD CONSTRAINT "StorefrontSpecialPrice_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

