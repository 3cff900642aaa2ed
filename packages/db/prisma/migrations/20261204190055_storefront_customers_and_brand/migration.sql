-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "replyTo" TEXT;

-- CreateTable
CREATE TABLE "StorefrontBrand" (
    "storefrontId" UUID NOT NULL,
    "senderName" TEXT,
    "replyTo" TEXT,
    "logoContentType" TEXT,
    "logoBase64" TEXT,
    "logoSha256" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StorefrontBrand_pkey" PRIMARY KEY ("storefrontId")
);

-- CreateTable
CREATE TABLE "StorefrontEmailTemplate" (
    "storefrontId" UUID NOT NULL,
    "templateKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StorefrontEmailTemplate_pkey" PRIMARY KEY ("storefrontId","templateKey")
);

-- CreateTable
CREATE TABLE "StorefrontLogin" (
    "storefrontId" UUID NOT NULL,
    "shopUserId" TEXT NOT NULL,
    "invitedAt" TIMESTAMPTZ(3),
    "invitedBy" TEXT,
    "deactivatedAt" TIMESTAMPTZ(3),
    "deactivatedBy" TEXT,

    CONSTRAINT "StorefrontLogin_pkey" PRIMARY KEY ("storefrontId","shopUserId")
);

-- CreateIndex
CREATE INDEX "StorefrontLogin_shopUserId_idx" ON "StorefrontLogin"("shopUserId");

-- AddForeignKey
ALTER TABLE "StorefrontBrand" ADD CONSTRAINT "StorefrontBrand_storefrontId_fkey" FOREIGN KEY ("storefrontId") REFERENCES "ResellerStorefront"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorefrontEmailTemplate" ADD CONSTRAINT "StorefrontEmailTemplate_storefrontId_fkey" FOREIGN KEY ("storefrontId") REFERENCES "ResellerStorefront"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorefrontLogin" ADD CONSTRAINT "StorefrontLogin_storefrontId_fkey" FOREIGN KEY ("storefrontId") REFERENCES "ResellerStorefront"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorefrontLogin" ADD CONSTRAINT "StorefrontLogin_shopUserId_fkey" FOREIGN KEY ("shopUserId") REFERENCES "ShopUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

