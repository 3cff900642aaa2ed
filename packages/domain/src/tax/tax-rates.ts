import { isUniqueViolation, type Prisma } from "@cm/db";
import type { StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { AddTaxRateInput } from "../schemas/tax.ts";
import { dayText } from "../shared/business-time.ts";
import { calendarDay, isoDay } from "./tax-context.ts";
import { countryName } from "./tax-regime.ts";

/** A row of BSS > Catalog > Tax rates. */
export interface TaxRateDto {
  country: string;
  countryName: string;
  /** Percent, "25.50". */
  rate: string;
  /** "2026-07-01" */
  validFrom: string;
  /** The country's rate today (the distributor's today). */
  inForce: boolean;
  /** Who added it; null: seeded with the instance. */
  createdBy: string | null;
  createdAt: Date;
}

const rateSelect = {
  country: true,
  rate: true,
  validFrom: true,
  createdBy: true,
  createdAt: true,
} satisfies Prisma.TaxRateSelect;

function toDto(row: Prisma.TaxRateGetPayload<{ select: typeof rateSelect }>, inForce: boolean): TaxRateDto {
  return {
    country: row.country,
    countryName: countryName(row.country),
    rate: row.rate.toFixed(2),
    validFrom: isoDay(row.validFrom),
    inForce,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

async function distributorToday(deps: DomainDeps): Promise<string> {
  const distributor = await deps.db.account.findFirst({ where: { kind: "DISTRIBUTOR" }, select: { timeZone: true } });
  return calendarDay(deps.clock.now(), distributor?.timeZone ?? "UTC");
}

/** The tax table: every country's rates, newest first within a country. */
export async function listTaxRates(deps: DomainDeps): Promise<{ today: string; rates: TaxRateDto[] }> {
  const [today, rows] = await Promise.all([
    distributorToday(deps),
    deps.db.taxRate.findMany({ select: rateSelect, orderBy: [{ country: "asc" }, { validFrom: "desc" }] }),
  ]);
  // Each country's row in force today: the latest validFrom on or before it.
  const inForceFrom = new Map<string, string>();
  for (const row of rows) {
    const validFrom = isoDay(row.validFrom);
    const best = inForceFrom.get(row.country);
    if (validFrom <= today && (!best || validFrom > best)) inForceFrom.set(row.country, validFrom);
  }
  const rates = rows.map((row) => toDto(row, inForceFrom.get(row.country) === isoDay(row.validFrom)));
  return { today, rates };
}

/**
 * A new rate for a country from a day on (today or later: invoices already
 * issued keep the rate they were issued at). The rate in force on a day is the
 * row with the latest validFrom on or before it, so nothing else changes.
 */
export async function addTaxRate(deps: DomainDeps, staff: StaffCaller, input: AddTaxRateInput): Promise<TaxRateDto> {
  const today = await distributorToday(deps);
  if (input.validFrom < today) {
    throw new DomainError(
      "INVALID",
      `A new rate starts today (${dayText(new Date(`${today}T00:00:00Z`), "UTC")}) or later: invoices already issued keep their rates`,
      "validFrom",
    );
  }
  try {
    const row = await deps.db.taxRate.create({
      data: {
        country: input.country,
        validFrom: new Date(`${input.validFrom}T00:00:00Z`),
        rate: input.rate,
        createdBy: staff.name,
      },
      select: rateSelect,
    });
    return toDto(row, input.validFrom === today);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError(
      "CONFLICT",
      `${countryName(input.country)} already has a rate from ${dayText(new Date(`${input.validFrom}T00:00:00Z`), "UTC")}`,
      "validFrom",
    );
  }
}
