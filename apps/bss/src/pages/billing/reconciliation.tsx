import {
  Alert,
  Badge,
  Button,
  Card,
  Confirm,
  EmptyState,
  PageHeader,
  Table,
  apiErrorMessage,
  formatDateTime,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { useCan } from "../../components/use-can.ts";

type Report = RouterOutputs["bss"]["asset"]["reconcile"];
type Mismatch = Report["mismatches"][number];

const KIND = {
  "asset-without-coupon": { label: "Asset without coupon", tone: "red" },
  "coupon-without-asset": { label: "Coupon without asset", tone: "yellow" },
  "license-count-differs": { label: "License count differs", tone: "purple" },
  "state-differs": { label: "State differs", tone: "blue" },
} as const;

/** Compares assets with BitTitan's coupons and fixes what can be fixed in one click. */
export function ReconciliationPage() {
  const trpc = useTRPC();
  const [report, setReport] = useState<Report | null>(null);
  const [done, setDone] = useState<Record<string, string>>({});
  const reconcile = useMutation(
    trpc.bss.asset.reconcile.mutationOptions({
      onSuccess: (result) => {
        setReport(result);
        setDone({});
      },
    }),
  );
  const can = useCan();
  const refresh = useMutation(trpc.bss.asset.refreshCouponStates.mutationOptions());
  return (
    <>
      <PageHeader
        title="Reconciliation"
        subtitle="This system's assets against BitTitan's coupons"
        actions={
          <>
            {can("assets.edit") && (
              <Button variant="secondary" onClick={() => refresh.mutate()} loading={refresh.isPending}>
                Refresh coupon states
              </Button>
            )}
            <Button onClick={() => reconcile.mutate()} loading={reconcile.isPending}>
              Run reconciliation
            </Button>
          </>
        }
      />
      {refresh.isSuccess && (
        <Alert tone="success">
          Checked {refresh.data.checked} active coupons; {refresh.data.changed} changed state.
        </Alert>
      )}
      {reconcile.isError && <Alert tone="error">{apiErrorMessage(reconcile.error)}</Alert>}
      {!report && !reconcile.isPending && (
        <EmptyState title="Run a reconciliation to compare with BitTitan">
          Coupon states are also refreshed automatically every 15 minutes.
        </EmptyState>
      )}
      {report && (
        <Card
          title={`${report.mismatches.length} mismatch${report.mismatches.length === 1 ? "" : "es"} across ${report.partners} partner${report.partners === 1 ? "" : "s"} · ${formatDateTime(report.checkedAt)}`}
        >
          <Table
            rows={report.mismatches}
            rowKey={(row) => `${row.kind}-${row.asset?.id ?? ""}-${row.coupon?.code ?? ""}`}
            empty="Everything matches."
            columns={[
              { header: "Kind", cell: (row) => <Badge tone={KIND[row.kind].tone}>{KIND[row.kind].label}</Badge> },
              { header: "Account", cell: (row) => row.account.companyName },
              {
                header: "Asset",
                cell: (row) =>
                  row.asset ? (
                    <Link to={`/assets/${row.asset.id}`} className="text-brand-700 hover:underline">
                      {row.asset.name}
                    </Link>
                  ) : (
                    "—"
                  ),
              },
              {
                header: "Coupon",
                cell: (row) => <span className="whitespace-nowrap font-mono text-xs">{row.coupon?.code ?? "—"}</span>,
              },
              { header: "Detail", cell: (row) => row.detail },
              {
                header: "Fix",
                cell: (row) => (
                  <FixButton mismatch={row} done={done} onDone={(key, text) => setDone({ ...done, [key]: text })} />
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}

function FixButton({
  mismatch,
  done,
  onDone,
}: {
  mismatch: Mismatch;
  done: Record<string, string>;
  onDone: (key: string, text: string) => void;
}) {
  const trpc = useTRPC();
  const key = `${mismatch.kind}-${mismatch.asset?.id ?? ""}-${mismatch.coupon?.code ?? ""}`;
  const fix = useMutation(
    trpc.bss.asset.fixMismatch.mutationOptions({ onSuccess: (result) => onDone(key, result.done) }),
  );
  const can = useCan();
  const [confirming, setConfirming] = useState(false);
  if (done[key]) return <Badge tone="green">{done[key]}</Badge>;
  if (!mismatch.fix || !mismatch.asset) return <span className="text-xs text-slate-500">Needs a person</span>;
  if (!can("reconciliation.fix"))
    return <span className="text-xs text-slate-500">{mismatch.fix.label} (an administrator)</span>;
  const { action, label, confirm } = mismatch.fix;
  const assetId = mismatch.asset.id;
  const apply = () => fix.mutate({ action, assetId, couponCode: mismatch.coupon?.code ?? null });
  return (
    <div>
      {confirming && confirm ? (
        <Confirm
          title={`${label}?`}
          confirmLabel={`Yes, ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
          danger
          pending={fix.isPending}
          onConfirm={apply}
          onBack={() => setConfirming(false)}
        >
          {confirm}
        </Confirm>
      ) : (
        <Button
          size="sm"
          variant="secondary"
          loading={fix.isPending}
          onClick={confirm ? () => setConfirming(true) : apply}
        >
          {label}
        </Button>
      )}
      {fix.isError && <p className="mt-1 text-xs text-red-700">{apiErrorMessage(fix.error)}</p>}
    </div>
  );
}
