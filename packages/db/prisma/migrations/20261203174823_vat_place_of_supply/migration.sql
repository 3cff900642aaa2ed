-- CreateEnum
CREATE TYPE "TaxCategory" AS ENUM ('STANDARD', 'EXEMPT');

-- CreateEnum
CREATE TYPE "TaxRegime" AS ENUM ('DOMESTIC', 'REVERSE_CHARGE', 'BUYER_COUNTRY', 'OUTSIDE_EU', 'EXEMPT');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "vatVerifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "vatVerifiedBy" TEXT;

-- AlterTable
ALTER TABLE "Product" DROP COLUMN "taxRate",
ADD COLUMN     "taxCategory" "TaxCategory" NOT NULL DEFAULT 'STANDARD';

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "taxRegime" "TaxRegime";

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "taxMention" TEXT,
ADD COLUMN     "taxRegime" "TaxRegime";

-- AlterTable
ALTER TABLE "InvoiceLine" ADD COLUMN     "taxRegime" "TaxRegime";

-- AlterTable
ALTER TABLE "Plan" DROP COLUMN "taxRate",
ADD COLUMN     "taxCategory" "TaxCategory" NOT NULL DEFAULT 'STANDARD';

-- AlterTable
ALTER TABLE "PlanSubscription" DROP COLUMN "taxRate";

-- CreateTable
CREATE TABLE "TaxRate" (
    "country" CHAR(2) NOT NULL,
    "validFrom" DATE NOT NULL,
    "rate" DECIMAL(5,2) NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaxRate_pkey" PRIMARY KEY ("country","validFrom")
);


ALTER TABLE "TaxRate" ADD CONSTRAINT "TaxRate_rate_range" CHECK ("rate" >= 0 AND "rate" <= 100);

-- The 27 EU member states' standard VAT rates. The table starts on 1 January
-- 2024: every row from that day is the rate then in force; the later rows are
-- the changes since (Finland 25.5 % from 1 September 2024, Slovakia 23 % from
-- 1 January 2025, Estonia 24 % from 1 July 2025, Romania 21 % from 1 August 2025).
-- Products and plans were taxed at their own rate until now; they all become
-- STANDARD (the column defaults), taxed by place of supply from this table.
INSERT INTO "TaxRate" ("country", "validFrom", "rate") VALUES
  ('AT', '2024-01-01', 20),
  ('BE', '2024-01-01', 21),
  ('BG', '2024-01-01', 20),
  ('CY', '2024-01-01', 19),
  ('CZ', '2024-01-01', 21),
  ('DE', '2024-01-01', 19),
  ('DK', '2024-01-01', 25),
  ('EE', '2024-01-01', 22),
  ('EE', '2025-07-01', 24),
  ('ES', '2024-01-01', 21),
  ('FI', '2024-01-01', 24),
  ('FI', '2024-09-01', 25.5),
  ('FR', '2024-01-01', 20),
  ('GR', '2024-01-01', 24),
  ('HR', '2024-01-01', 25),
  ('HU', '2024-01-01', 27),
  ('IE', '2024-01-01', 23),
  ('IT', '2024-01-01', 22),
  ('LT', '2024-01-01', 21),
  ('LU', '2024-01-01', 17),
  ('LV', '2024-01-01', 21),
  ('MT', '2024-01-01', 18),
  ('NL', '2024-01-01', 21),
  ('PL', '2024-01-01', 23),
  ('PT', '2024-01-01', 23),
  ('RO', '2024-01-01', 19),
  ('RO', '2025-08-01', 21),
  ('SE', '2024-01-01', 25),
  ('SI', '2024-01-01', 22),
  ('SK', '2024-01-01', 20),
  ('SK', '2025-01-01', 23);

-- A VAT number verified by staff stays verified only as long as it is the same
-- number in the same country: any change of either, by any path (staff, the
-- customer's own account page, a reseller editing its end-customer), clears it.
CREATE FUNCTION "Account_clear_vat_verification"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."taxId" IS DISTINCT FROM OLD."taxId" OR NEW."billingCountry" IS DISTINCT FROM OLD."billingCountry" THEN
    NEW."vatVerifiedAt" := NULL;
    NEW."vatVerifiedBy" := NULL;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Account_clear_vat_verification"
  BEFORE UPDATE OF "taxId", "billingCountry" ON "Account"
  FOR EACH ROW EXECUTE FUNCTION "Account_clear_vat_verification"();
