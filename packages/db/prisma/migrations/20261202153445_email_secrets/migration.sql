-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "redacted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sealedBody" TEXT;

