import { migrateDatabase, type Database } from "@cm/db";
import { createEmptyTestDatabase } from "@cm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factsOf } from "../src/billing/settle.ts";
import { settlementOf } from "../src/billing/settlement.ts";

// The settlement migration turns the old invoice status (UNPAID | PAID | VOID,
// paidAt) into payments, refunds and credit allocations, and derives each
// document's state. Here the documents are written as the schema before it had
// them (raw SQL), then the migration runs on top (PGlite, or PostgreSQL with TEST_DB=postgres).

const BEFORE = "20261203061308_provisioning_retries";
let database: Database;

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const DISTRIBUTOR = id(1);
const CUSTOMER = id(2);

interface OldDocument {
  n: number;
  kind: "INVOICE" | "CREDIT";
  status: "UNPAID" | "PAID" | "VOID";
  gross: string;
  paidAt?: string;
  creditFor?: number;
  issuedAt?: string;
}

const DOCUMENTS: OldDocument[] = [
  { n: 101, kind: "INVOICE", status: "UNPAID", gross: "120.00" },
  // Marked paid at 23:30 UTC: 01:30 on the 1st in Athens, the distributor's zone.
  { n: 102, kind: "INVOICE", status: "PAID", gross: "60.76", paidAt: "2026-11-30T23:30:00Z" },
  { n: 103, kind: "INVOICE", status: "VOID", gross: "15.00" },
  // A never-paid invoice credited in full: the case issue 18 starts from.
  { n: 104, kind: "INVOICE", status: "UNPAID", gross: "29.76" },
  { n: 201, kind: "CREDIT", status: "UNPAID", gross: "-29.76", creditFor: 104 },
  // Two assets, one cancelled.
  { n: 105, kind: "INVOICE", status: "UNPAID", gross: "100.00" },
  { n: 202, kind: "CREDIT", status: "UNPAID", gross: "-40.00", creditFor: 105 },
  // Paid, then credited: the refund is due.
  { n: 106, kind: "INVOICE", status: "PAID", gross: "50.00", paidAt: "2026-11-10T10:00:00Z" },
  { n: 203, kind: "CREDIT", status: "UNPAID", gross: "-50.00", creditFor: 106 },
  // Paid, credited and refunded.
  { n: 107, kind: "INVOICE", status: "PAID", gross: "70.00", paidAt: "2026-11-11T10:00:00Z" },
  { n: 204, kind: "CREDIT", status: "PAID", gross: "-70.00", creditFor: 107, paidAt: "2026-11-20T10:00:00Z" },
  // A Free plan's zero invoice.
  { n: 108, kind: "INVOICE", status: "UNPAID", gross: "0.00" },
  // Refunded though never paid (what the old BSS allowed): the refund went out, so the invoice is owed.
  { n: 109, kind: "INVOICE", status: "UNPAID", gross: "80.00" },
  { n: 205, kind: "CREDIT", status: "PAID", gross: "-80.00", creditFor: 109, paidAt: "2026-11-25T10:00:00Z" },
];

beforeAll(async () => {
  database = await createEmptyTestDatabase();
  await migrateDatabase(database, { through: BEFORE });
  const account = (accountId: string, kind: string, name: string, timeZone: string | null) => `
    INSERT INTO "Account" ("id", "kind", "companyName", "email", "billingLine1", "billingCity", "billingPostalCode",
      "billingCountry", "currency", "timeZone", "updatedAt")
    VALUES ('${accountId}', '${kind}', '${name}', 'x@example.test', '1 Way', 'Athens', '10001', 'GR', 'EUR',
      ${timeZone ? `'${timeZone}'` : "NULL"}, now());`;
  const documents = DOCUMENTS.map(
    (document) => `
    INSERT INTO "Invoice" ("id", "kind", "number", "status", "accountId", "creditForId", "currency", "net", "tax",
      "gross", "seller", "buyer", "issuedAt", "paidAt")
    VALUES ('${id(document.n)}', '${document.kind}', '${document.kind === "INVOICE" ? "INV" : "CRN"}-000${document.n}',
      '${document.status}', '${CUSTOMER}', ${document.creditFor ? `'${id(document.creditFor)}'` : "NULL"}, 'EUR',
      ${document.gross}, 0, ${document.gross}, '{}', '{}', '${document.issuedAt ?? "2026-11-05T09:00:00Z"}',
      ${document.paidAt ? `'${document.paidAt}'` : "NULL"});`,
  );
  await database.runScript(
    [
      account(DISTRIBUTOR, "DISTRIBUTOR", "Distribution SA", "Europe/Athens"),
      account(CUSTOMER, "RESELLER", "Contoso", null),
      ...documents,
    ].join("\n"),
  );
  const { applied } = await migrateDatabase(database);
  expect(applied).toContain("20261203173214_settlement");
});
afterAll(() => database?.close());

const stateOf = (n: number) =>
  database.prisma.invoice.findUniqueOrThrow({
    where: { id: id(n) },
    select: { state: true, amountDue: true, refundDue: true },
  });

describe("the settlement migration", () => {
  it.each([
    [101, "OPEN", "120.00", "0.00"],
    [102, "PAID", "0.00", "0.00"],
    [103, "VOID", "0.00", "0.00"],
    [104, "CREDITED", "0.00", "0.00"],
    [201, "APPLIED", "0.00", "0.00"],
    [105, "PARTIALLY_CREDITED", "60.00", "0.00"],
    [202, "APPLIED", "0.00", "0.00"],
    [106, "CREDITED", "0.00", "0.00"],
    [203, "REFUND_DUE", "0.00", "50.00"],
    [107, "CREDITED", "0.00", "0.00"],
    [204, "REFUNDED", "0.00", "0.00"],
    [108, "PAID", "0.00", "0.00"],
    [109, "OPEN", "80.00", "0.00"],
    [205, "REFUNDED", "0.00", "0.00"],
  ])("gives document %i the state %s (due %s, refund due %s)", async (n, state, amountDue, refundDue) => {
    const row = await stateOf(n);
    expect([row.state, row.amountDue.toFixed(2), row.refundDue.toFixed(2)]).toEqual([state, amountDue, refundDue]);
  });

  it("turns each invoice marked paid into one payment on the distributor's day, allocated to it", async () => {
    const payments = await database.prisma.payment.findMany({
      orderBy: { receivedOn: "asc" },
      select: {
        accountId: true,
        amount: true,
        receivedOn: true,
        method: true,
        recordedBy: true,
        allocations: { select: { invoiceId: true, amount: true } },
      },
    });
    expect(
      payments.map((payment) => [
        payment.receivedOn.toISOString().slice(0, 10),
        payment.amount.toFixed(2),
        payment.method,
        payment.recordedBy,
        payment.allocations.map((allocation) => [allocation.invoiceId, allocation.amount.toFixed(2)]),
      ]),
    ).toEqual([
      ["2026-11-10", "50.00", "OTHER", "system", [[id(106), "50.00"]]],
      ["2026-11-11", "70.00", "OTHER", "system", [[id(107), "70.00"]]],
      ["2026-12-01", "60.76", "OTHER", "system", [[id(102), "60.76"]]],
    ]);
    expect(payments.every((payment) => payment.accountId === CUSTOMER)).toBe(true);
  });

  it("applies the credit notes of unpaid invoices, and turns credit notes marked paid into refunds", async () => {
    const allocations = await database.prisma.creditAllocation.findMany({
      orderBy: { creditNoteId: "asc" },
      select: { creditNoteId: true, invoiceId: true, amount: true },
    });
    expect(allocations.map((row) => [row.creditNoteId, row.invoiceId, row.amount.toFixed(2)])).toEqual([
      [id(201), id(104), "29.76"],
      [id(202), id(105), "40.00"],
    ]);
    const refunds = await database.prisma.refund.findMany({
      orderBy: { creditNoteId: "asc" },
      select: { creditNoteId: true, amount: true, refundedOn: true },
    });
    expect(
      refunds.map((row) => [row.creditNoteId, row.amount.toFixed(2), row.refundedOn.toISOString().slice(0, 10)]),
    ).toEqual([
      [id(204), "70.00", "2026-11-20"],
      [id(205), "80.00", "2026-11-25"],
    ]);
  });

  it("stores what the product's own derivation gives for every document", async () => {
    const documents = await database.prisma.invoice.findMany({
      select: { id: true, kind: true, gross: true, state: true, amountDue: true, refundDue: true },
    });
    expect(documents).toHaveLength(DOCUMENTS.length);
    for (const document of documents) {
      const derived = settlementOf(await factsOf(database.prisma, document));
      expect([document.id, document.state, document.amountDue.toFixed(2), document.refundDue.toFixed(2)]).toEqual([
        document.id,
        derived.state,
        derived.amountDue,
        derived.refundDue,
      ]);
    }
  });

  it("leaves the old status behind", async () => {
    const columns = await database.prisma.$queryRaw<{ column_name: string }[]>`
      SELECT column_name::text AS column_name FROM information_schema.columns WHERE table_name = 'Invoice'`;
    const names = columns.map((column) => column.column_name);
    expect(names).toEqual(expect.arrayContaining(["state", "amountDue", "refundDue", "voidReason"]));
    expect(names).not.toContain("status");
    expect(names).not.toContain("paidAt");
  });
});
