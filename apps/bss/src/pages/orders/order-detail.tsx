import {
  Alert,
  Badge,
  Button,
  Confirm,
  Card,
  Details,
  InvoiceStatusBadge,
  Loading,
  PageHeader,
  Table,
  apiErrorMessage,
  formatDateTime,
  formatMoney,
  taxRateText,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ORDER_STATUS } from "./orders.tsx";
import { useCan } from "../../components/use-can.ts";
import { SyncBadge } from "../billing/asset-badges.tsx";

export function OrderDetailPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id = "" } = useParams();
  const order = useQuery({
    ...trpc.bss.order.get.queryOptions({ id }),
    refetchInterval: (query) =>
      query.state.data?.assets.some((asset) => asset.syncStatus === "PENDING") ? 1000 : false,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bss.pathKey() });
  const execute = useMutation(trpc.bss.order.execute.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.bss.order.delete.mutationOptions({ onSuccess: () => void navigate("/orders") }));
  const cancel = useMutation(trpc.bss.asset.cancelOrder.mutationOptions({ onSuccess: refresh }));
  const [asking, setAsking] = useState<"cancel" | "delete" | null>(null);
  const can = useCan();
  if (order.isPending) return <Loading />;
  if (order.isError) return <Alert tone="error">{apiErrorMessage(order.error)}</Alert>;
  const data = order.data;
  const isDraft = data.status === "DRAFT";

  return (
    <>
      <PageHeader
        title={`Order ${data.number}`}
        subtitle={
          <span className="flex items-center gap-2">
            <Badge tone={ORDER_STATUS[data.status].tone}>{ORDER_STATUS[data.status].label}</Badge>
            <span>{data.channel === "BSS" ? "Placed in the BSS" : "Storefront checkout"}</span>
          </span>
        }
        actions={
          // An order that started a plan subscription is not cancelled as a whole: the subscription is (Subscriptions).
          data.status === "COMPLETED" && data.subscriptions.length === 0
            ? can("assets.cancel") &&
              data.cancellation?.allowed && (
                <Button variant="danger" onClick={() => setAsking("cancel")} disabled={asking !== null}>
                  Cancel order
                </Button>
              )
            : isDraft &&
              can("orders.edit") && (
                <>
                  <Link to={`/orders/${data.id}/edit`}>
                    <Button variant="secondary">Edit</Button>
                  </Link>
                  <Button variant="ghost" onClick={() => setAsking("delete")} disabled={asking !== null}>
                    Delete draft
                  </Button>
                  <Button onClick={() => execute.mutate({ id: data.id })} loading={execute.isPending}>
                    Execute Order
                  </Button>
                </>
              )
        }
      />
      {asking === "cancel" && data.cancellation?.allowed && (
        <div className="mb-4">
          <Confirm
            title={`Cancel order ${data.number}?`}
            confirmLabel="Yes, cancel the order"
            backLabel="Keep the order"
            danger
            pending={cancel.isPending}
            onConfirm={() => cancel.mutate({ id: data.id }, { onSettled: () => setAsking(null) })}
            onBack={() => setAsking(null)}
          >
            Every coupon of the order is revoked at BitTitan, the licenses stop working, and a credit invoice for{" "}
            <strong>{formatMoney(data.gross, data.currency)}</strong> goes to {data.account.companyName}. Possible until{" "}
            <span data-testid="cancellation-ends">{data.cancellation.endsAtText}</span>.
          </Confirm>
        </div>
      )}
      {asking === "delete" && (
        <div className="mb-4">
          <Confirm
            title={`Delete draft ${data.number}?`}
            confirmLabel="Yes, delete the draft"
            backLabel="Keep the draft"
            danger
            pending={remove.isPending}
            onConfirm={() => remove.mutate({ id: data.id }, { onSettled: () => setAsking(null) })}
            onBack={() => setAsking(null)}
          >
            The draft was never executed: nothing was invoiced and no coupon was made. It is gone for good.
          </Confirm>
        </div>
      )}
      {data.cancellation && !data.cancellation.allowed && can("assets.cancel") && (
        <p className="mb-4 text-sm text-slate-500">The order can no longer be cancelled. {data.cancellation.reason}.</p>
      )}
      {cancel.isError && (
        <div className="mb-4">
          <Alert tone="error" title="The order was not cancelled">
            {apiErrorMessage(cancel.error)}
          </Alert>
        </div>
      )}
      {execute.isError && (
        <div className="mb-4">
          <Alert tone="error" title="The order was not executed">
            {apiErrorMessage(execute.error)}
            {/synchronized/.test(execute.error.message) && (
              <>
                {" "}
                <Link to={`/accounts/${data.account.id}`} className="underline">
                  Synchronize {data.account.companyName}
                </Link>
              </>
            )}
          </Alert>
        </div>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Table
            rows={data.lines}
            rowKey={(line) => String(line.position)}
            columns={[
              { header: "#", cell: (line) => line.position },
              { header: "Product", cell: (line) => line.productName },
              {
                header: "Asset name / alias",
                cell: (line) =>
                  line.assetName ??
                  (line.kind === "plan" ? (
                    <span data-testid="line-alias">
                      {line.storefrontAlias ? `Alias: ${line.storefrontAlias}` : "Alias not set yet"}
                    </span>
                  ) : null),
              },
              { header: "Licenses", cell: (line) => line.quantity, className: "text-right" },
              {
                header: "Unit price",
                cell: (line) => formatMoney(line.unitPrice, data.currency),
                className: "text-right",
              },
              { header: "Tax", cell: (line) => taxRateText(line.taxRate, line.taxRegime), className: "text-right" },
              { header: "Total", cell: (line) => formatMoney(line.gross, data.currency), className: "text-right" },
            ]}
          />
          {data.assets.length > 0 && (
            <Card title="Assets and provisioning">
              <ul className="divide-y divide-slate-100">
                {data.assets.map((asset) => (
                  <li key={asset.id} className="py-3">
                    <div className="flex items-center justify-between">
                      <Link to={`/assets/${asset.id}`} className="font-medium text-brand-700 hover:underline">
                        {asset.name}
                      </Link>
                      {asset.status === "CANCELLED" ? (
                        <Badge tone="gray">Cancelled</Badge>
                      ) : (
                        <SyncBadge status={asset.syncStatus} retry={asset.retry} />
                      )}
                    </div>
                    <p className="mt-1 text-sm text-slate-600">
                      {asset.quantity} licenses · coupon{" "}
                      <span className="whitespace-nowrap font-mono">{asset.couponCode ?? "—"}</span>
                      {asset.syncError && (
                        <span className={asset.syncStatus === "FAILED" ? "text-red-700" : "text-amber-800"}>
                          {" "}
                          · {asset.syncStatus === "FAILED" ? asset.syncError : `last error: ${asset.syncError}`}
                        </span>
                      )}
                    </p>
                    {asset.attempts.length > 0 && (
                      <ol className="mt-2 space-y-1 text-xs text-slate-500">
                        {asset.attempts.map((attempt, index) => (
                          <li key={index}>
                            {formatDateTime(attempt.at)} · {attempt.trigger} ·{" "}
                            {attempt.outcome === "SUCCEEDED" ? "coupon created" : `failed: ${attempt.message}`}
                          </li>
                        ))}
                      </ol>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
        <div className="space-y-6">
          <Card title="Summary">
            <Details
              items={[
                {
                  label: "Account",
                  value: (
                    <Link to={`/accounts/${data.account.id}`} className="text-brand-700 hover:underline">
                      {data.account.companyName}
                    </Link>
                  ),
                },
                { label: "For", value: data.recipient.companyName },
                { label: "Created", value: formatDateTime(data.createdAt) },
                { label: "Completed", value: data.completedAt ? formatDateTime(data.completedAt) : null },
                { label: "Net", value: formatMoney(data.net, data.currency) },
                { label: "Tax", value: formatMoney(data.tax, data.currency) },
                { label: "Total", value: <strong>{formatMoney(data.gross, data.currency)}</strong> },
              ]}
            />
            {isDraft && (
              <p className="mt-3 text-xs text-slate-500">
                Prices are taken from the catalog again when the order is executed.
              </p>
            )}
          </Card>
          {data.subscriptions.length > 0 && (
            <Card title="Subscriptions">
              <ul className="space-y-1 text-sm">
                {data.subscriptions.map((subscription) => (
                  <li key={subscription.id} className="flex justify-between">
                    <Link to={`/subscriptions/${subscription.id}`} className="font-mono text-brand-700 hover:underline">
                      {subscription.number}
                    </Link>
                    <span>{subscription.planName} plan</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          {data.invoices.length > 0 && (
            <Card title="Invoices">
              <ul className="space-y-1 text-sm">
                {data.invoices.map((invoice) => (
                  <li key={invoice.id} className="flex justify-between">
                    <Link to={`/invoices/${invoice.id}`} className="font-mono text-brand-700 hover:underline">
                      {invoice.number}
                    </Link>
                    <span className="flex items-center gap-2">
                      {formatMoney(invoice.gross, data.currency)}
                      <InvoiceStatusBadge state={invoice.state} />
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
