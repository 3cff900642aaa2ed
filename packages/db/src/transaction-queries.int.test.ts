import { createTestDatabase } from "@cm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client.ts";

// On PostgreSQL, queries started together inside an interactive transaction
// must not pile up on its one pg connection (pg warns, and pg 9 refuses).
// pg reports it once per process with a DeprecationWarning, so this file
// runs such queries first and listens for that warning.

let database: Database;
const warnings: string[] = [];
const listen = (warning: Error) => void warnings.push(warning.message);

beforeAll(async () => {
  process.on("warning", listen);
  database = await createTestDatabase();
});
afterAll(async () => {
  process.off("warning", listen);
  await database.close();
});

describe("queries inside a transaction", () => {
  it("run one after another on the transaction's connection, also the relation loads of a nested select", async () => {
    const account = await database.prisma.account.create({
      data: {
        kind: "RESELLER",
        companyName: "Serial Ltd",
        email: "office@serial.test",
        billingLine1: "1 Way",
        billingCity: "Oslo",
        billingPostalCode: "0150",
        billingCountry: "NO",
        currency: "EUR",
      },
    });
    // Prisma fetches these four relations concurrently once it has the account.
    const loaded = await database.prisma.$transaction((tx) =>
      tx.account.findUniqueOrThrow({
        where: { id: account.id },
        select: {
          companyName: true,
          children: { select: { id: true } },
          contacts: { select: { id: true } },
          orders: { select: { id: true } },
          invoices: { select: { id: true } },
        },
      }),
    );
    expect(loaded).toEqual({ companyName: "Serial Ltd", children: [], contacts: [], orders: [], invoices: [] });
    // A warning is emitted on the next tick at the latest.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });

  it("still roll back as a whole when one of them fails", async () => {
    await database.prisma.$executeRawUnsafe(`CREATE TABLE serial_probe (id int PRIMARY KEY)`);
    const failed = database.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO serial_probe VALUES (1)`);
      await tx.$executeRawUnsafe(`INSERT INTO serial_probe VALUES (1)`);
    });
    await expect(failed).rejects.toThrow();
    expect(await database.prisma.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) FROM serial_probe`)).toEqual([
      { count: 0n },
    ]);
  });
});
