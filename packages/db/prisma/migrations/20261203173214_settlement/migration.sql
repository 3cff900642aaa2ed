-- CreateEnum
CREATE TYPE "InvoiceState" AS ENUM ('OPEN', 'PARTIALLY_PAID', 'PAID', 'PARTIALLY_CREDITED', 'CREDITED', 'VOID', 'APPLIED', 'REFUND_DUE', 'REFUNDED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('BANK_TRANSFER', 'CARD', 'DIRECT_DEBIT', 'CHEQUE', 'CASH', 'OTHER');

-- Settlement (issue 18): credit notes are applied to the invoice they credit,
-- payments and refunds are recorded and allocated, and each document's state
-- (billing/settlement.ts) is derived from them. The old status column
-- (UNPAID | PAID | VOID) and paidAt are turned into those rows below, then dropped.

-- AlterTable: the new columns; "state" is filled from the old status before it becomes required.
ALTER TABLE "Invoice" ADD COLUMN     "amountDue" DECIMAL(14,2) NOT NULL DEFAULT 0,
ADD COLUMN     "refundDue" DECIMAL(14,2) NOT NULL DEFAULT 0,
ADD COLUMN     "state" "InvoiceState",
ADD COLUMN     "voidReason" TEXT,
ADD COLUMN     "voidedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "receivedOn" DATE NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "reference" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentAllocation" (
    "id" UUID NOT NULL,
    "paymentId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PaymentAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditAllocation" (
    "id" UUID NOT NULL,
    "creditNoteId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CreditAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" UUID NOT NULL,
    "creditNoteId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "refundedOn" DATE NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "reference" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceEvent" (
    "id" UUID NOT NULL,
    "seq" SERIAL NOT NULL,
    "invoiceId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" JSONB,

    CONSTRAINT "InvoiceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Payment_accountId_receivedOn_idx" ON "Payment"("accountId", "receivedOn");

-- CreateIndex
CREATE INDEX "PaymentAllocation_invoiceId_idx" ON "PaymentAllocation"("invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentAllocation_paymentId_invoiceId_key" ON "PaymentAllocation"("paymentId", "invoiceId");

-- CreateIndex
CREATE INDEX "CreditAllocation_invoiceId_idx" ON "CreditAllocation"("invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditAllocation_creditNoteId_invoiceId_key" ON "CreditAllocation"("creditNoteId", "invoiceId");

-- CreateIndex
CREATE INDEX "Refund_creditNoteId_idx" ON "Refund"("creditNoteId");

-- CreateIndex
CREATE INDEX "Refund_accountId_refundedOn_idx" ON "Refund"("accountId", "refundedOn");

-- CreateIndex
CREATE INDEX "InvoiceEvent_invoiceId_seq_idx" ON "InvoiceEvent"("invoiceId", "seq");

-- CreateIndex
CREATE INDEX "Invoice_state_issuedAt_idx" ON "Invoice"("state", "issuedAt");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAllocation" ADD CONSTRAINT "PaymentAllocation_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAllocation" ADD CONSTRAINT "PaymentAllocation_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditAllocation" ADD CONSTRAINT "CreditAllocation_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditAllocation" ADD CONSTRAINT "CreditAllocation_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceEvent" ADD CONSTRAINT "InvoiceEvent_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Amounts that settle something are positive.
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "PaymentAllocation" ADD CONSTRAINT "PaymentAllocation_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "CreditAllocation" ADD CONSTRAINT "CreditAllocation_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_open_amounts_not_negative" CHECK ("amountDue" >= 0 AND "refundDue" >= 0);

-- ─── The existing documents ──────────────────────────────────────────────────
-- Days are the distributor's calendar days (its time zone from set-up, else UTC).

-- An invoice marked paid was paid in full on the day it was marked: one payment
-- (method Other, recorded by the system), allocated to it. Ids are derived from
-- the invoice's, so the rows of one document are easy to find.
INSERT INTO "Payment" ("id", "accountId", "currency", "amount", "receivedOn", "method", "reference", "recordedBy", "createdAt")
SELECT md5('payment:' || i."id"::text)::uuid, i."accountId", i."currency", i."gross",
       (COALESCE(i."paidAt", i."issuedAt") AT TIME ZONE COALESCE(
         (SELECT d."timeZone" FROM "Account" d WHERE d."kind" = 'DISTRIBUTOR' LIMIT 1), 'UTC'))::date,
       'OTHER', NULL, 'system', COALESCE(i."paidAt", i."issuedAt")
FROM "Invoice" i
WHERE i."kind" = 'INVOICE' AND i."status" = 'PAID' AND i."gross" > 0;

INSERT INTO "PaymentAllocation" ("id", "paymentId", "invoiceId", "amount", "createdAt")
SELECT md5('payment-allocation:' || i."id"::text)::uuid, md5('payment:' || i."id"::text)::uuid, i."id", i."gross",
       COALESCE(i."paidAt", i."issuedAt")
FROM "Invoice" i
WHERE i."kind" = 'INVOICE' AND i."status" = 'PAID' AND i."gross" > 0;

-- A credit note marked paid was refunded: one refund for its full amount.
INSERT INTO "Refund" ("id", "creditNoteId", "accountId", "currency", "amount", "refundedOn", "method", "reference", "recordedBy", "createdAt")
SELECT md5('refund:' || c."id"::text)::uuid, c."id", c."accountId", c."currency", -c."gross",
       (COALESCE(c."paidAt", c."issuedAt") AT TIME ZONE COALESCE(
         (SELECT d."timeZone" FROM "Account" d WHERE d."kind" = 'DISTRIBUTOR' LIMIT 1), 'UTC'))::date,
       'OTHER', NULL, 'system', COALESCE(c."paidAt", c."issuedAt")
FROM "Invoice" c
WHERE c."kind" = 'CREDIT' AND c."status" = 'PAID' AND c."gross" < 0;

-- A credit note that was not refunded, for an invoice that was not paid, is applied
-- to that invoice in full (what it credits was still owed). A credit note for a paid
-- invoice stays unapplied: refund due, or refunded above.
INSERT INTO "CreditAllocation" ("id", "creditNoteId", "invoiceId", "amount", "createdAt")
SELECT md5('credit-allocation:' || c."id"::text)::uuid, c."id", c."creditForId", -c."gross", c."issuedAt"
FROM "Invoice" c
JOIN "Invoice" i ON i."id" = c."creditForId"
WHERE c."kind" = 'CREDIT' AND c."status" = 'UNPAID' AND c."gross" < 0 AND i."status" <> 'PAID';

-- The states, as billing/settlement.ts derives them.
UPDATE "Invoice" AS i
SET "amountDue" = s."due",
    "state" = (CASE
      WHEN i."status" = 'VOID' THEN 'VOID'
      WHEN s."due" = 0 AND s."credited" > 0 AND s."credited" >= i."gross" THEN 'CREDITED'
      WHEN s."due" = 0 THEN 'PAID'
      WHEN s."paid" > 0 THEN 'PARTIALLY_PAID'
      WHEN s."applied" > 0 THEN 'PARTIALLY_CREDITED'
      ELSE 'OPEN'
    END)::"InvoiceState"
FROM (
  SELECT t."id", t."paid", t."applied", t."credited",
         CASE WHEN t."status" = 'VOID' THEN 0 ELSE GREATEST(0, t."gross" - t."paid" - t."applied") END AS "due"
  FROM (
    SELECT inv."id", inv."status", inv."gross",
      COALESCE((SELECT SUM(pa."amount") FROM "PaymentAllocation" pa WHERE pa."invoiceId" = inv."id"), 0) AS "paid",
      COALESCE((SELECT SUM(ca."amount") FROM "CreditAllocation" ca WHERE ca."invoiceId" = inv."id"), 0) AS "applied",
      COALESCE((SELECT SUM(-cn."gross") FROM "Invoice" cn
                WHERE cn."creditForId" = inv."id" AND cn."kind" = 'CREDIT' AND cn."status" <> 'VOID'), 0) AS "credited"
    FROM "Invoice" inv
    WHERE inv."kind" = 'INVOICE'
  ) AS t
) AS s
WHERE s."id" = i."id";

UPDATE "Invoice" AS c
SET "refundDue" = s."refundDue",
    "state" = (CASE
      WHEN c."status" = 'VOID' THEN 'VOID'
      WHEN s."refundDue" > 0 THEN 'REFUND_DUE'
      WHEN s."refunded" > 0 THEN 'REFUNDED'
      ELSE 'APPLIED'
    END)::"InvoiceState"
FROM (
  SELECT t."id", t."refunded",
         CASE WHEN t."status" = 'VOID' THEN 0 ELSE GREATEST(0, -t."gross" - t."applied" - t."refunded") END AS "refundDue"
  FROM (
    SELECT cn."id", cn."status", cn."gross",
      COALESCE((SELECT SUM(ca."amount") FROM "CreditAllocation" ca WHERE ca."creditNoteId" = cn."id"), 0) AS "applied",
      COALESCE((SELECT SUM(r."amount") FROM "Refund" r WHERE r."creditNoteId" = cn."id"), 0) AS "refunded"
    FROM "Invoice" cn
    WHERE cn."kind" = 'CREDIT'
  ) AS t
) AS s
WHERE s."id" = c."id";

ALTER TABLE "Invoice" ALTER COLUMN "state" SET NOT NULL;

-- AlterTable: the old status is now the rows above.
ALTER TABLE "Invoice" DROP COLUMN "paidAt",
DROP COLUMN "status";

-- DropEnum
DROP TYPE "InvoiceStatus";
