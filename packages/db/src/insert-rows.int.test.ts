import { randomUUID } from "node:crypto";
import { createTestDatabase } from "@cm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client.ts";
import { insertRows } from "./insert-rows.ts";

// insertRows writes rows of several tables in one statement through
// jsonb_populate_recordset. What a reader gets back must be what Prisma's own
// createMany would have stored: decimals to the cent, enums, JSON, times to the
// millisecond, nulls and the database's defaults; foreign keys between the
// tables of one batch hold, and a failing batch writes nothing.

let database: Database;
let accountId: string;
let orderId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const account = await database.prisma.account.create({
    data: {
      kind: "RESELLER",
      companyName: "Batch Ltd",
      email: "office@batch.test",
      billingLine1: "1 Way",
      billingCity: "Oslo",
      billingPostalCode: "0150",
      billingCountry: "NO",
      currency: "EUR",
    },
    select: { id: true },
  });
  accountId = account.id;
  const order = await database.prisma.order.create({
    data: { channel: "BSS", status: "DRAFT", accountId, recipientAccountId: accountId, currency: "EUR" },
    select: { id: true },
  });
  orderId = order.id;
});
afterAll(async () => {
  await database?.close();
});

describe("insertRows", () => {
  it("writes an invoice and its lines in one statement, each value as its column stores it", async () => {
    const invoiceId = randomUUID();
    const issuedAt = new Date("2026-03-29T00:30:00.123Z");
    await database.prisma.$transaction(async (tx) => {
      await insertRows(tx, {
        // The lines first: their invoice is in the same statement, later in the batch.
        InvoiceLine: [1, 2].map((position) => ({
          id: randomUUID(),
          invoiceId,
          position,
          description: `Line “${position}”`,
          detail: position === 1 ? "with a 'quote' and a \\ backslash" : null,
          quantity: position,
          unitPrice: "14.70",
          taxRate: "25.00",
          taxRegime: position === 1 ? "DOMESTIC" : null,
          net: (14.7 * position).toFixed(2),
          tax: (3.675 * position).toFixed(2),
          gross: (18.375 * position).toFixed(2),
          assetId: null,
        })),
        Invoice: [
          {
            id: invoiceId,
            kind: "INVOICE",
            number: "INV-000001",
            state: "OPEN",
            issuerAccountId: accountId,
            accountId,
            orderId,
            currency: "EUR",
            net: "44.10",
            tax: "11.03",
            gross: "55.13",
            seller: { name: "Seller", addressLines: ["1 Way", "0150 Oslo"], country: "NO", email: null },
            buyer: { name: "Ünïcode “Buyer”", addressLines: [], country: null, email: "b@b.test" },
            issuedAt,
            dueAt: null,
          },
        ],
      });
    });
    const invoice = await database.prisma.invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    expect(invoice.gross.toFixed(2)).toBe("55.13");
    expect(invoice.tax.toFixed(2)).toBe("11.03");
    expect(invoice.state).toBe("OPEN");
    expect(invoice.issuedAt.toISOString()).toBe(issuedAt.toISOString());
    expect(invoice.dueAt).toBeNull();
    // Columns the rows did not name take the database's default, as with createMany.
    expect(invoice.amountDue.toFixed(2)).toBe("0.00");
    expect(invoice.taxRegime).toBeNull();
    expect(invoice.buyer).toEqual({ name: "Ünïcode “Buyer”", addressLines: [], country: null, email: "b@b.test" });
    expect(invoice.seller).toMatchObject({ addressLines: ["1 Way", "0150 Oslo"] });
    expect(invoice.lines.map((line) => [line.description, line.detail, line.taxRegime, line.gross.toFixed(2)])).toEqual(
      [
        ["Line “1”", "with a 'quote' and a \\ backslash", "DOMESTIC", "18.38"],
        ["Line “2”", null, null, "36.75"],
      ],
    );
  });

  it("writes nothing of a batch whose row breaks a constraint", async () => {
    const invoiceId = randomUUID();
    const write = database.prisma.$transaction((tx) =>
      insertRows(tx, {
        Invoice: [
          {
            id: invoiceId,
            kind: "INVOICE",
            number: "INV-000002",
            state: "OPEN",
            issuerAccountId: accountId,
            accountId,
            currency: "EUR",
            net: "1.00",
            tax: "0.00",
            gross: "1.00",
            seller: {},
            buyer: {},
            issuedAt: new Date(),
          },
        ],
        // No such invoice: the foreign key fails the whole statement.
        InvoiceLine: [
          {
            id: randomUUID(),
            invoiceId: randomUUID(),
            position: 1,
            description: "Orphan",
            quantity: 1,
            unitPrice: "1.00",
            taxRate: "0.00",
            net: "1.00",
            tax: "0.00",
            gross: "1.00",
          },
        ],
      }),
    );
    await expect(write).rejects.toThrow();
    expect(await database.prisma.invoice.findUnique({ where: { id: invoiceId } })).toBeNull();
  });
});
