-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "timeZone" TEXT;

-- CreateTable
CREATE TABLE "SetupToken" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SetupToken_pkey" PRIMARY KEY ("id")
);

