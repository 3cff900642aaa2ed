import {
  Alert,
  AssetCancelCard,
  AssetDetails,
  AssetEditCard,
  Button,
  Card,
  DetailColumns,
  Loading,
  PageHeader,
  apiErrorMessage,
  formatDate,
  formatDateTime,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { CouponStateBadge, EMAIL_WORDS, RETRY_WORDS, SyncStatusBadge } from "../components/sync-status.tsx";

type Asset = RouterOutputs["storefront"]["asset"]["get"];

export function AssetPage() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const me = useQuery(trpc.storefront.account.me.queryOptions());
  const asset = useQuery({
    ...trpc.storefront.asset.get.queryOptions({ id }),
    refetchInterval: (query) => (query.state.data?.syncStatus === "PENDING" ? 1000 : false),
  });
  const [editing, setEditing] = useState(false);
  if (asset.isPending || me.isPending) return <Loading />;
  if (asset.isError) return <Alert tone="error">{apiErrorMessage(asset.error)}</Alert>;
  const data = asset.data;
  // The buyer changes and cancels its assets; so does an end-customer what it ordered itself at its reseller's storefront.
  const isBuyer = me.data?.account.id === data.account.id || me.data?.account.id === data.order.placedByAccountId;

  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={`${data.product.name} · for ${data.recipient.companyName}`}
        actions={
          isBuyer &&
          data.status === "ACTIVE" &&
          !editing && (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {data.syncStatus === "FAILED" ? "Edit and retry" : "Edit"}
            </Button>
          )
        }
      />
      <DetailColumns
        main={
          <>
            {editing && <EditAsset asset={data} onDone={() => setEditing(false)} />}
            <Card title="Asset">
              <AssetDetails
                asset={data}
                syncStatus={<SyncStatusBadge status={data.syncStatus} />}
                couponState={
                  data.status === "CANCELLED" ? (
                    <CouponStateBadge state="CANCELLED" />
                  ) : data.couponState ? (
                    <CouponStateBadge state={data.couponState} />
                  ) : null
                }
                parties={[{ label: "Recipient", value: data.recipient.companyName }]}
              />
              {data.portalUrl && data.status === "ACTIVE" && (
                <p className="mt-4 text-sm">
                  Redeem the coupon in the{" "}
                  <a href={data.portalUrl} className="text-brand-700 underline" target="_blank" rel="noreferrer">
                    BitTitan portal
                  </a>
                  .
                </p>
              )}
              {data.syncStatus === "FAILED" && (
                <div className="mt-4">
                  <Alert tone="error" title="No coupon yet">
                    {data.problem} {isBuyer && data.status === "ACTIVE" && RETRY_WORDS}{" "}
                    {data.status === "ACTIVE" && EMAIL_WORDS}
                  </Alert>
                </div>
              )}
            </Card>
          </>
        }
        side={
          <>
            {isBuyer && <CancelCard asset={data} />}
            <Card title="History">
              <ol className="space-y-2 text-sm">
                {data.history.map((entry, index) => (
                  <li key={index}>
                    <span className="text-slate-500">{formatDateTime(entry.at)}</span> · {entry.what}
                  </li>
                ))}
              </ol>
            </Card>
          </>
        }
      />
    </>
  );
}

function EditAsset({ asset, onDone }: { asset: Asset; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.storefront.account.me.queryOptions());
  const update = useMutation(
    trpc.storefront.asset.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.storefront.asset.pathKey() });
        onDone();
      },
    }),
  );
  const options = me.data
    ? [
        { value: me.data.account.id, label: `${me.data.account.companyName} (us)` },
        ...me.data.account.endCustomers.map((customer) => ({ value: customer.id, label: customer.companyName })),
      ]
    : [];
  return (
    <AssetEditCard
      asset={asset}
      title="Edit asset"
      options={options}
      onSave={(values) => update.mutateAsync({ id: asset.id, ...values })}
      mutation={update}
      onCancel={onDone}
    />
  );
}

function CancelCard({ asset }: { asset: Asset }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cancel = useMutation(
    trpc.storefront.asset.cancel.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.storefront.pathKey() }),
    }),
  );
  return (
    <AssetCancelCard
      cancellation={asset.cancellation}
      explanation={
        asset.cancellation.allowed ? (
          <>
            You can cancel for a full refund until{" "}
            <span data-testid="cancellation-ends">{asset.cancellation.endsAtText}</span>, as long as the coupon is not
            redeemed.
          </>
        ) : null
      }
      cancelled={
        asset.status === "CANCELLED" ? (
          <p className="text-sm text-slate-600">
            Cancelled {asset.cancelledAt ? formatDate(asset.cancelledAt) : ""}. The coupon was revoked and{" "}
            {asset.creditInvoice ? (
              <>
                the full amount credited on{" "}
                <Link to={`/invoices/${asset.creditInvoice.id}`} className="text-brand-700 underline">
                  {asset.creditInvoice.number}
                </Link>
              </>
            ) : (
              "no credit was issued"
            )}
            .
          </p>
        ) : undefined
      }
      question={`Revoke the coupon ${asset.couponCode ?? ""} and credit the full amount?`}
      confirmLabel="Yes, cancel the asset"
      keepLabel="Keep it"
      onConfirm={() => cancel.mutate({ id: asset.id })}
      mutation={cancel}
    />
  );
}
