import {
  Alert,
  Badge,
  InvoiceStatusBadge,
  Card,
  Details,
  Loading,
  PageHeader,
  Table,
  apiErrorMessage,
  formatDateTime,
  formatMoney,
} from "@cm/ui";
import type { RouterOutputs } from "@cm/domain/client";
import { useTRPC } from "@cm/ui/api";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { EMAIL_WORDS, RETRY_WORDS, SyncStatusBadge } from "../components/sync-status.tsx";
import { Totals } from "../components/totals.tsx";

type Order = RouterOutputs["storefront"]["order"]["get"];

/**
 * What the order's state is, on top: never a green "complete" over a problem.
 * Cancelled, licenses that could not be created (each says why below), still
 * being created, or done.
 */
function OrderBanner({ order }: { order: Order }) {
  const active = order.assets.filter((asset) => asset.status === "ACTIVE");
  if (order.status === "CANCELLED")
    return (
      <Alert tone="info" title="This order was cancelled">
        {order.invoices.some((invoice) => invoice.kind === "CREDIT")
          ? "Its credit invoices are listed with the order's invoices."
          : "Nothing more will happen to it."}
      </Alert>
    );
  if (active.some((asset) => asset.syncStatus === "FAILED"))
    return (
      <Alert tone="warning" title="Your order is placed, but some licenses could not be created">
        Each asset below says what happened and what happens next.
      </Alert>
    );
  if (active.some((asset) => asset.syncStatus === "PENDING"))
    return (
      <Alert tone="success" title="Thank you, your order is placed">
        {`The coupon codes appear below as soon as BitTitan issues them, and the welcome email goes to ${order.recipient.companyName}.`}
      </Alert>
    );
  return (
    <Alert tone="success" title="Thank you, your order is complete">
      {order.assets.length > 0
        ? `The coupon codes are below, and the welcome email goes to ${order.recipient.companyName}.`
        : "Your reseller plan subscription is below."}
    </Alert>
  );
}

/** The order confirmation: updates live until every coupon code is there. */
export function OrderPage() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const order = useQuery({
    ...trpc.storefront.order.get.queryOptions({ id }),
    refetchInterval: (query) =>
      query.state.data?.assets.some((asset) => asset.syncStatus === "PENDING") ? 1000 : false,
  });
  if (order.isPending) return <Loading />;
  if (order.isError) return <Alert tone="error">{apiErrorMessage(order.error)}</Alert>;
  const data = order.data;
  return (
    <>
      <PageHeader
        title={`Order ${data.number}`}
        subtitle={
          // Placed, not "completed": the licenses of a placed order may still be on their way, or have failed.
          data.completedAt
            ? `Placed ${formatDateTime(data.completedAt)} · for ${data.recipient.companyName}`
            : undefined
        }
      />
      <OrderBanner order={data} />
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {data.subscriptions.length > 0 && (
            <Card title="Reseller plan">
              <ul className="divide-y divide-slate-100">
                {data.subscriptions.map((subscription) => (
                  <li
                    key={subscription.id}
                    className="flex items-center justify-between py-2 text-sm"
                    data-testid="order-subscription"
                  >
                    <Link
                      to={`/subscriptions/${subscription.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {subscription.planName} plan · {subscription.number}
                    </Link>
                    <span>{data.lines.find((line) => line.kind === "plan")?.storefrontAlias ?? ""}</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          {data.assets.length > 0 && (
            <Card title="Assets">
              <ul className="divide-y divide-slate-100">
                {data.assets.map((asset) => (
                  <li key={asset.id} className="py-3" data-testid="order-asset">
                    <div className="flex items-center justify-between">
                      <Link to={`/assets/${asset.id}`} className="font-medium text-brand-700 hover:underline">
                        {asset.name}
                      </Link>
                      {asset.status === "CANCELLED" ? (
                        <Badge tone="gray">Cancelled</Badge>
                      ) : (
                        <SyncStatusBadge status={asset.syncStatus} />
                      )}
                    </div>
                    <Details
                      items={[
                        { label: "Licenses", value: String(asset.quantity) },
                        {
                          label: "Coupon code",
                          value: asset.couponCode ? (
                            <span className="whitespace-nowrap font-mono" data-testid="coupon-code">
                              {asset.couponCode}
                            </span>
                          ) : asset.syncStatus === "FAILED" ? (
                            "Not issued"
                          ) : (
                            "Not issued yet"
                          ),
                        },
                      ]}
                    />
                    {asset.syncStatus === "FAILED" && (
                      <div className="mt-2">
                        <Alert tone="error">
                          {asset.problem}{" "}
                          {asset.status === "ACTIVE" && (
                            <>
                              <Link to={`/assets/${asset.id}`} className="underline">
                                {RETRY_WORDS}
                              </Link>{" "}
                              {EMAIL_WORDS}
                            </>
                          )}
                        </Alert>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <Table
            rows={data.lines}
            rowKey={(line) => String(line.position)}
            columns={[
              { header: "Product", cell: (line) => line.productName },
              { header: "Licenses", cell: (line) => line.quantity, className: "text-right" },
              {
                header: "Unit price",
                cell: (line) => formatMoney(line.unitPrice, data.currency),
                className: "text-right",
              },
              { header: "Total", cell: (line) => formatMoney(line.gross, data.currency), className: "text-right" },
            ]}
          />
        </div>
        <Card title="Invoice">
          <Totals totals={data} currency={data.currency} />
          <ul className="mt-4 space-y-1 text-sm">
            {data.invoices.map((invoice) => (
              <li key={invoice.id} className="flex items-center justify-between">
                <Link to={`/invoices/${invoice.id}`} className="font-mono text-brand-700 hover:underline">
                  {invoice.number}
                </Link>
                <InvoiceStatusBadge state={invoice.state} />
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
