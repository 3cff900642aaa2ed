import {
  Alert,
  ApiForm,
  AssetCancelCard,
  AssetDetails,
  AssetEditCard,
  Card,
  DetailColumns,
  FormTextField,
  Loading,
  PageHeader,
  SubmitButton,
  apiErrorMessage,
  formatDateTime,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { attachCouponInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { CouponBadge, SyncBadge, retryWords } from "./asset-badges.tsx";
import { useCan } from "../../components/use-can.ts";

type Asset = RouterOutputs["bss"]["asset"]["get"];

export function AssetDetailPage() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const asset = useQuery({
    ...trpc.bss.asset.get.queryOptions({ id }),
    refetchInterval: (query) => (query.state.data?.syncStatus === "PENDING" ? 1000 : false),
  });
  const can = useCan();
  if (asset.isPending) return <Loading />;
  if (asset.isError) return <Alert tone="error">{apiErrorMessage(asset.error)}</Alert>;
  const data = asset.data;
  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={`${data.product.name} · ${data.account.companyName} · for ${data.recipient.companyName}`}
      />
      <DetailColumns
        main={
          <>
            <Card title="Asset">
              <AssetDetails
                asset={data}
                syncStatus={<SyncBadge status={data.syncStatus} retry={data.retry} />}
                couponState={<CouponBadge state={data.status === "CANCELLED" ? "CANCELLED" : data.couponState} />}
                parties={[
                  { label: "State checked", value: data.couponCheckedAt ? formatDateTime(data.couponCheckedAt) : null },
                  {
                    label: "Account",
                    value: (
                      <Link to={`/accounts/${data.account.id}`} className="text-brand-700 hover:underline">
                        {data.account.companyName}
                      </Link>
                    ),
                  },
                  {
                    label: "Recipient",
                    value: (
                      <Link to={`/accounts/${data.recipient.id}`} className="text-brand-700 hover:underline">
                        {data.recipient.companyName}
                      </Link>
                    ),
                  },
                ]}
              />
              {data.syncStatus === "PENDING" && data.retry && (
                <div className="mt-4" data-testid="retry-status">
                  <Alert tone="warning" title={retryWords(data.retry)}>
                    {data.retry.until && (
                      <p>
                        Tried again automatically, retrying until {formatDateTime(data.retry.until)}; after that it is
                        marked failed.
                      </p>
                    )}
                    {data.syncError && <p className="mt-1 whitespace-pre-wrap">Last error: {data.syncError}</p>}
                  </Alert>
                </div>
              )}
              {data.syncError && data.syncStatus === "FAILED" && (
                <div className="mt-4">
                  <Alert tone="error" title="Provisioning failed">
                    <span className="whitespace-pre-wrap">{data.syncError}</span>
                  </Alert>
                </div>
              )}
            </Card>
            {data.status === "ACTIVE" && can("assets.edit") && <EditCard asset={data} />}
            {data.status === "ACTIVE" && data.syncStatus !== "SYNCHRONIZED" && can("reconciliation.fix") && (
              <AttachCouponCard asset={data} />
            )}
            <Card title="Provisioning attempts">
              {data.attempts.length === 0 ? (
                <p className="text-sm text-slate-500">None yet.</p>
              ) : (
                <ol className="space-y-1 text-sm">
                  {data.attempts.map((attempt, index) => (
                    <li key={index}>
                      {formatDateTime(attempt.at)} · {attempt.trigger} ·{" "}
                      {attempt.outcome === "SUCCEEDED" ? (
                        <>
                          coupon <span className="whitespace-nowrap font-mono">{attempt.couponCode ?? ""}</span>
                        </>
                      ) : (
                        <span className="text-red-700">failed: {attempt.message}</span>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </Card>
          </>
        }
        side={
          <>
            <CancelCard asset={data} mayCancel={can("assets.cancel")} />
            <Card title="Audit trail">
              <ol className="space-y-2 text-sm" data-testid="audit-trail">
                {data.events.map((event, index) => (
                  <li key={index}>
                    <p>
                      <span className="font-medium">{event.kind.replace(/-/g, " ")}</span> ·{" "}
                      {event.actor.replace(/^(staff|customer):/, "")}
                    </p>
                    <p className="text-xs text-slate-500">{formatDateTime(event.at)}</p>
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

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.bss.pathKey() });
}

function EditCard({ asset }: { asset: Asset }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const account = useQuery(trpc.bss.account.get.queryOptions({ id: asset.account.id }));
  const update = useMutation(trpc.bss.asset.update.mutationOptions({ onSuccess: refresh }));
  const options = account.data
    ? [
        { value: account.data.id, label: account.data.companyName },
        ...account.data.endCustomers.map((customer) => ({ value: customer.id, label: customer.companyName })),
      ]
    : [];
  return (
    <AssetEditCard
      asset={asset}
      title="Edit"
      options={options}
      onSave={(values) => update.mutateAsync({ id: asset.id, ...values })}
      mutation={update}
      confirmSaved
    />
  );
}

/** The code only: the asset is the page's. */
const couponInput = attachCouponInput.omit({ id: true });

function AttachCouponCard({ asset }: { asset: Asset }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const form = useZodForm(couponInput, { defaultValues: { couponCode: "" } });
  const attach = useMutation(trpc.bss.asset.attachCoupon.mutationOptions({ onSuccess: refresh }));
  const onSubmit = useSubmit(form, (values) => attach.mutateAsync({ id: asset.id, ...values }));
  return (
    <Card title="Attach an existing coupon">
      {/* A one-field action, not an edit: leaving the page doesn't ask. */}
      <ApiForm form={form} onSubmit={onSubmit} error={attach.error} guard={false} className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <div className="w-72">
            <FormTextField
              control={form.control}
              name="couponCode"
              label="Coupon code"
              placeholder="MW-XXXX-XXXX-XXXX"
            />
          </div>
          <SubmitButton form={form} pending={attach.isPending} variant="secondary">
            Check and attach
          </SubmitButton>
        </div>
      </ApiForm>
      <p className="mt-2 text-xs text-slate-500">
        BitTitan is asked: the coupon must exist, belong to {asset.account.companyName}&apos;s partner and hold{" "}
        {asset.quantity} licenses.
      </p>
    </Card>
  );
}

function CancelCard({ asset, mayCancel }: { asset: Asset; mayCancel: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const cancel = useMutation(trpc.bss.asset.cancel.mutationOptions({ onSuccess: refresh }));
  return (
    <AssetCancelCard
      cancellation={asset.cancellation}
      explanation={
        asset.cancellation.allowed ? (
          <>
            Possible until <span data-testid="cancellation-ends">{asset.cancellation.endsAtText}</span> (full refund).
          </>
        ) : null
      }
      cancelled={
        asset.status === "CANCELLED" ? (
          <p className="text-sm text-slate-600" data-testid="asset-cancelled">
            Cancelled {asset.cancelledAt ? formatDateTime(asset.cancelledAt) : ""};{" "}
            {asset.creditInvoice
              ? `credited on ${asset.creditInvoice.number}`
              : "no credit was issued (the audit trail says why)"}
            .
          </p>
        ) : undefined
      }
      notPermitted="Only administrators cancel assets, because cancelling refunds the customer."
      confirmLabel="Revoke and credit"
      keepLabel="Keep"
      onConfirm={mayCancel ? () => cancel.mutate({ id: asset.id }) : undefined}
      mutation={cancel}
    />
  );
}
