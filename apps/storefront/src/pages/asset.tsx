import { Alert, Button, Card, Details, Loading, PageHeader, SelectField, TextField, apiErrorMessage, fieldErrorsOf, formatDate, formatDateTime } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { CouponStateBadge, RETRY_WORDS, SyncStatusBadge } from "../components/sync-status.tsx";

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
  const isBuyer = me.data?.account.id === data.account.id;

  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={`${data.product.name} · for ${data.recipient.companyName}`}
        actions={isBuyer && data.status === "ACTIVE" && !editing && <Button variant="secondary" onClick={() => setEditing(true)}>{data.syncStatus === "FAILED" ? "Edit and retry" : "Edit"}</Button>}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {editing && <EditAsset asset={data} onDone={() => setEditing(false)} />}
          <Card title="Asset">
            <Details
              items={[
                { label: "Name", value: data.name },
                { label: "Provisioning Sync Status", value: <SyncStatusBadge status={data.syncStatus} /> },
                { label: "Purchase Date", value: formatDate(data.purchaseDate) },
                { label: "Licenses", value: String(data.quantity) },
                { label: "Expire (days)", value: String(data.expireDays) },
                { label: "Validity (days)", value: String(data.validityDays) },
                { label: "Coupon Code", value: data.couponCode ? <span className="font-mono" data-testid="coupon-code">{data.couponCode}</span> : null },
                { label: "Coupon state", value: data.status === "CANCELLED" ? <CouponStateBadge state="CANCELLED" /> : data.couponState ? <CouponStateBadge state={data.couponState} /> : null },
                { label: "Coupon expires", value: data.couponExpiresAt ? formatDate(data.couponExpiresAt) : null },
                { label: "Recipient", value: data.recipient.companyName },
                { label: "Order", value: <Link to={`/orders/${data.order.id}`} className="text-brand-700 hover:underline">{data.order.number}</Link> },
                { label: "Invoice", value: data.invoice ? <Link to={`/invoices/${data.invoice.id}`} className="text-brand-700 hover:underline">{data.invoice.number}</Link> : null },
                ...(data.creditInvoice ? [{ label: "Credit invoice", value: <Link to={`/invoices/${data.creditInvoice.id}`} className="text-brand-700 hover:underline">{data.creditInvoice.number}</Link> }] : []),
              ]}
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
                  {data.problem} {isBuyer && data.status === "ACTIVE" && RETRY_WORDS}
                </Alert>
              </div>
            )}
          </Card>
        </div>
        <div className="space-y-6">
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
        </div>
      </div>
    </>
  );
}

function EditAsset({ asset, onDone }: { asset: Asset; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.storefront.account.me.queryOptions());
  const [name, setName] = useState(asset.name);
  const [recipientAccountId, setRecipient] = useState(asset.recipient.id);
  const update = useMutation(
    trpc.storefront.asset.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.storefront.asset.pathKey() });
        onDone();
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);
  const options = me.data ? [{ value: me.data.account.id, label: `${me.data.account.companyName} (us)` }, ...me.data.account.endCustomers.map((customer) => ({ value: customer.id, label: customer.companyName }))] : [];
  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ id: asset.id, name, recipientAccountId });
  }
  return (
    <Card title={asset.syncStatus === "FAILED" ? "Edit and retry provisioning" : "Edit asset"}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        {update.isError && <Alert tone="error">{apiErrorMessage(update.error)}</Alert>}
        <TextField label="Name" value={name} onChange={setName} error={errors.name?.[0]} />
        <SelectField label="Recipient" value={recipientAccountId} onChange={setRecipient} options={options} error={errors.recipientAccountId?.[0]} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            {asset.syncStatus === "FAILED" ? "Save and retry" : "Save"}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function CancelCard({ asset }: { asset: Asset }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(trpc.storefront.asset.cancel.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.storefront.pathKey() }) }));
  if (asset.status === "CANCELLED") {
    return (
      <Card title="Cancelled">
        <p className="text-sm text-slate-600">
          Cancelled {asset.cancelledAt ? formatDate(asset.cancelledAt) : ""}. The coupon was revoked and the full amount credited
          {asset.creditInvoice && (
            <>
              {" "}
              on <Link to={`/invoices/${asset.creditInvoice.id}`} className="text-brand-700 underline">{asset.creditInvoice.number}</Link>
            </>
          )}
          .
        </p>
      </Card>
    );
  }
  return (
    <Card title="Cancel">
      {asset.cancellation.allowed ? (
        <p className="text-sm text-slate-600">You can cancel for a full refund until {formatDate(asset.cancellation.lastDay)}, as long as the coupon is not redeemed.</p>
      ) : (
        <p className="text-sm text-slate-600" data-testid="cancel-refused">{asset.cancellation.reason}</p>
      )}
      {cancel.isError && (
        <div className="mt-3">
          <Alert tone="error">{apiErrorMessage(cancel.error)}</Alert>
        </div>
      )}
      {asset.cancellation.allowed &&
        (confirming ? (
          <div className="mt-4 space-y-2">
            <p className="text-sm font-medium">Revoke the coupon {asset.couponCode} and credit the full amount?</p>
            <div className="flex gap-2">
              <Button variant="danger" loading={cancel.isPending} onClick={() => cancel.mutate({ id: asset.id })}>
                Yes, cancel the asset
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </div>
          </div>
        ) : (
          <Button className="mt-4" variant="danger" onClick={() => setConfirming(true)}>
            Cancel asset
          </Button>
        ))}
    </Card>
  );
}
