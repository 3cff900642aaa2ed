-- AlterTable
ALTER TABLE "IdempotentRequest" ADD COLUMN     "fingerprint" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "requestFingerprint" TEXT;

