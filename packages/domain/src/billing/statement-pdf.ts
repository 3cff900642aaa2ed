import { renderStatementPdf } from "@cm/documents";
import type { Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { bssStatementInput, statementPeriodInput, type StatementPeriod } from "../schemas/billing.ts";
import { snapshotParty } from "./party-snapshot.ts";
import { accountStatement } from "./statement.ts";

/** The statement of account as a PDF, for a caller who may see it (a Storefront caller: its own account's). */
export async function statementPdf(
  deps: DomainDeps,
  caller: Caller,
  input: StatementPeriod & { accountId?: string },
): Promise<{ filename: string; pdf: Buffer }> {
  const statement = await accountStatement(deps, caller, input);
  const seller = await snapshotParty(deps.db, { kind: "DISTRIBUTOR" });
  const account = await snapshotParty(deps.db, { id: statement.account.id });
  const branding = await deps.db.branding.findUnique({
    where: { id: "default" },
    select: { displayName: true, primaryColor: true },
  });
  const pdf = await renderStatementPdf(
    {
      issuedAt: deps.clock.now(),
      currency: statement.currency,
      from: statement.from,
      to: statement.to,
      seller,
      account,
      branding,
      openingBalance: statement.openingBalance,
      closingBalance: statement.closingBalance,
      lines: statement.lines.map((line) => ({
        date: line.date,
        reference: line.document?.number ?? null,
        description: line.description,
        amount: line.amount,
        balance: line.balance,
      })),
    },
    { timeZone: statement.timeZone },
  );
  return {
    filename: `statement-${statement.account.number}-${statement.currency}-${statement.from}-${statement.to}.pdf`,
    pdf,
  };
}

/**
 * The statement PDF a download link asks for (`?from=&to=&currency=`, and the
 * account in the path for staff): its query checked by the procedures' schema,
 * a bad one refused with the field's message (a DomainError "INVALID").
 */
export async function statementPdfFor(
  deps: DomainDeps,
  caller: Caller,
  query: { accountId?: string; from?: string; to?: string; currency?: string },
): Promise<{ filename: string; pdf: Buffer }> {
  const schema = caller.kind === "staff" ? bssStatementInput : statementPeriodInput;
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = issue?.path.map(String).join(".") || undefined;
    throw new DomainError("INVALID", `${field ? `${field}: ` : ""}${issue?.message ?? "Invalid period"}`, field);
  }
  return statementPdf(deps, caller, parsed.data);
}
