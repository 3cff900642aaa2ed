import type { RouterOutputs } from "@cm/domain/client";
import { Link } from "react-router";
import { apiErrorMessage } from "./api-errors.ts";
import { Alert, Loading } from "./feedback.tsx";
import { SelectField, TextField } from "./form.tsx";
import { formatDay, formatMoney } from "./format.ts";
import { Card } from "./layout.tsx";
import { Table } from "./table.tsx";

type Statement = RouterOutputs["storefront"]["account"]["statement"];
type Balance = RouterOutputs["storefront"]["account"]["balance"][number];

export interface StatementPeriodValues {
  from: string;
  to: string;
  currency?: string;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The statement a page opens with: from the first day of the month two months back, to today. */
export function defaultStatementPeriod(today = new Date()): StatementPeriodValues {
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 1));
  return { from: isoDay(from), to: isoDay(today) };
}

/** A signed amount as what it means: who owes whom. */
function balanceWords(balance: Balance, perspective: "distributor" | "customer") {
  const amount = formatMoney(balance.balance.replace("-", ""), balance.currency);
  if (balance.balance === "0.00")
    return { headline: formatMoney("0.00", balance.currency), hint: "Nothing is owed either way" };
  const owedByCustomer = !balance.balance.startsWith("-");
  if (perspective === "customer")
    return owedByCustomer
      ? { headline: amount, hint: "You owe this" }
      : { headline: `-${amount}`, hint: "We owe you this (a refund is due)" };
  return owedByCustomer
    ? { headline: amount, hint: "The account owes this" }
    : { headline: `-${amount}`, hint: "Owed to the account (a refund is due)" };
}

/** The account's balance now, per currency: what it owes (or is owed), what its invoices still ask and what is due back. */
export function BalanceSummary({
  balances,
  perspective,
}: {
  balances: Balance[];
  perspective: "distributor" | "customer";
}) {
  return (
    <dl className="space-y-3 text-sm" data-testid="account-balance">
      {balances.map((balance) => {
        const words = balanceWords(balance, perspective);
        return (
          <div key={balance.currency}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Balance ({balance.currency})</dt>
            <dd className="mt-1 text-lg font-semibold text-slate-900">{words.headline}</dd>
            <dd className="text-slate-500">{words.hint}</dd>
            <dd className="text-slate-500">
              Invoices due {formatMoney(balance.amountDue, balance.currency)} · Refunds due{" "}
              {formatMoney(balance.refundDue, balance.currency)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/**
 * A statement of account (both apps): the period pickers, the opening
 * balance, each movement with the balance after it, the closing balance, and
 * the same as a PDF. The page owns the period and runs the query.
 */
export function StatementCard({
  period,
  onPeriod,
  statement,
  pdfHref,
  perspective,
}: {
  perspective: "distributor" | "customer";
  period: StatementPeriodValues;
  onPeriod: (next: StatementPeriodValues) => void;
  statement: { data?: Statement; isPending: boolean; error: unknown };
  pdfHref: string;
}) {
  const data = statement.data;
  const money = (amount: string) => formatMoney(amount, data?.currency ?? "EUR");
  return (
    <Card
      title="Statement of account"
      actions={
        data && (
          <a
            href={pdfHref}
            download
            className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            Download statement PDF
          </a>
        )
      }
    >
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField
          label="From"
          type="date"
          value={period.from}
          onChange={(from) => from && onPeriod({ ...period, from })}
        />
        <TextField label="To" type="date" value={period.to} onChange={(to) => to && onPeriod({ ...period, to })} />
        {data && data.currencies.length > 1 && (
          <SelectField
            label="Currency"
            value={data.currency}
            onChange={(currency) => onPeriod({ ...period, currency })}
            options={data.currencies.map((code) => ({ value: code, label: code }))}
          />
        )}
      </div>
      {statement.error ? <Alert tone="error">{apiErrorMessage(statement.error)}</Alert> : null}
      {statement.isPending && !data && <Loading />}
      {data && (
        <div className="space-y-3" data-testid="statement">
          <p className="flex justify-between text-sm">
            <span className="text-slate-600">Opening balance on {formatDay(data.from)}</span>
            <span className="font-medium" data-testid="statement-opening">
              {money(data.openingBalance)}
            </span>
          </p>
          <Table
            rows={data.lines}
            rowKey={(line) =>
              `${line.date}-${line.kind}-${line.document?.id ?? ""}-${line.description}-${line.balance}`
            }
            empty="Nothing happened on the account in this period."
            columns={[
              { header: "Date", cell: (line) => formatDay(line.date) },
              {
                header: "Reference",
                cell: (line) =>
                  line.document ? (
                    <Link to={`/invoices/${line.document.id}`} className="font-mono text-brand-700 hover:underline">
                      {line.document.number}
                    </Link>
                  ) : (
                    "—"
                  ),
              },
              { header: "Description", cell: (line) => line.description },
              {
                header: "Charges",
                cell: (line) => (line.amount.startsWith("-") ? "" : money(line.amount)),
                className: "text-right",
              },
              {
                header: "Credits",
                cell: (line) => (line.amount.startsWith("-") ? money(line.amount.slice(1)) : ""),
                className: "text-right",
              },
              { header: "Balance", cell: (line) => money(line.balance), className: "text-right" },
            ]}
          />
          <p className="flex justify-between text-sm font-semibold">
            <span>Closing balance on {formatDay(data.to)}</span>
            <span data-testid="statement-closing">{money(data.closingBalance)}</span>
          </p>
          <p className="text-xs text-slate-500">
            Dates are calendar days in {data.timeZone}.{" "}
            {perspective === "customer"
              ? "A positive balance is what you owe, a negative one what is owed to you."
              : "A positive balance is owed by the account, a negative one is owed to it."}
          </p>
        </div>
      )}
    </Card>
  );
}
