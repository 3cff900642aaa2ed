import { formatMoney } from "@cm/ui";

/** Net, tax and total payable; `taxMention` is what the invoice will say about its VAT (the reverse charge). */
export function Totals({
  totals,
  currency,
  taxMention,
}: {
  totals: { net: string; tax: string; gross: string };
  currency: string;
  taxMention?: string | null;
}) {
  return (
    <>
      <dl className="space-y-1 text-sm" data-testid="totals">
        <div className="flex justify-between">
          <dt className="text-slate-600">Net</dt>
          <dd>{formatMoney(totals.net, currency)}</dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-slate-600">Tax</dt>
          <dd>{formatMoney(totals.tax, currency)}</dd>
        </div>
        <div className="flex justify-between border-t border-slate-200 pt-2 text-base font-semibold">
          <dt>Total payable</dt>
          <dd data-testid="total-payable">{formatMoney(totals.gross, currency)}</dd>
        </div>
      </dl>
      {taxMention && (
        <p className="mt-2 whitespace-pre-line text-xs text-slate-600" data-testid="tax-mention">
          {taxMention}
        </p>
      )}
    </>
  );
}
