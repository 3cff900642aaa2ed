import {
  Alert,
  Button,
  Card,
  Details,
  Loading,
  PageHeader,
  Table,
  TextField,
  apiErrorMessage,
  fieldErrorsOf,
  formatMoney,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";

type MyStorefront = RouterOutputs["storefront"]["myStorefront"]["get"];

/** The reseller's own Storefront: its address, name, colour and markups. */
export function MyStorefrontPage() {
  const trpc = useTRPC();
  const storefront = useQuery({ ...trpc.storefront.myStorefront.get.queryOptions(), retry: false });
  if (storefront.isPending) return <Loading />;
  if (storefront.isError) {
    return (
      <>
        <PageHeader title="My storefront" />
        <Alert tone="info">
          {apiErrorMessage(storefront.error)}{" "}
          <Link to="/plans" className="underline">
            Reseller Plans
          </Link>
        </Alert>
      </>
    );
  }
  const data = storefront.data;
  return (
    <>
      <PageHeader title="My storefront" subtitle={`${data.plan.name} plan`} />
      {data.message && (
        <div className="mb-6">
          <Alert tone={data.editable ? "info" : "warning"}>{data.message}</Alert>
        </div>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <SettingsCard storefront={data} />
          <MarkupsCard storefront={data} />
        </div>
        <Card title="Address">
          <Details
            items={[
              { label: "Storefront Alias", value: data.alias },
              {
                label: "Address",
                value: data.open ? (
                  <a href={data.url} className="break-all text-brand-700 underline">
                    {data.url}
                  </a>
                ) : (
                  <span className="break-all">{data.url}</span>
                ),
              },
            ]}
          />
          <p className="mt-3 text-xs text-slate-500">
            You and your end-customers log in there with your usual Storefront email and password.
          </p>
        </Card>
      </div>
    </>
  );
}

function SettingsCard({ storefront }: { storefront: MyStorefront }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    displayName: storefront.displayName,
    primaryColor: storefront.primaryColor,
    markupPercent: storefront.markupPercent,
  });
  const update = useMutation(
    trpc.storefront.myStorefront.update.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.storefront.myStorefront.get.queryKey(), next),
    }),
  );
  const errors = fieldErrorsOf(update.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(values);
  }
  return (
    <Card title="Name, colour and prices">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {update.isError && <Alert tone="error">{apiErrorMessage(update.error)}</Alert>}
        {update.isSuccess && <Alert tone="success">Saved.</Alert>}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <TextField
            label="Storefront name"
            value={values.displayName}
            onChange={(displayName) => setValues({ ...values, displayName })}
            error={errors.displayName?.[0]}
            disabled={!storefront.editable}
          />
          <TextField
            label="Colour"
            value={values.primaryColor}
            onChange={(primaryColor) => setValues({ ...values, primaryColor })}
            error={errors.primaryColor?.[0]}
            hint="#rrggbb"
            disabled={!storefront.editable}
          />
          <TextField
            label="Markup (%)"
            inputMode="decimal"
            value={values.markupPercent}
            onChange={(markupPercent) => setValues({ ...values, markupPercent })}
            error={errors.markupPercent?.[0]}
            hint="Added to the distributor's price on your storefront"
            disabled={!storefront.editable}
          />
        </div>
        {storefront.editable && (
          <div className="flex justify-end">
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}

function MarkupsCard({ storefront }: { storefront: MyStorefront }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const setMarkup = useMutation(
    trpc.storefront.myStorefront.setMarkup.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.storefront.myStorefront.get.queryKey(), next),
    }),
  );
  return (
    <Card title="Prices per product">
      {setMarkup.isError && <Alert tone="error">{apiErrorMessage(setMarkup.error)}</Alert>}
      <Table
        rows={storefront.products}
        rowKey={(row) => row.productId}
        columns={[
          { header: "Product", cell: (row) => row.productName },
          {
            header: "Your price",
            cell: (row) => (row.distributorPrice ? formatMoney(row.distributorPrice, row.currency) : "—"),
            className: "text-right",
          },
          {
            header: "Own markup (%)",
            cell: (row) => (
              <input
                aria-label={`Markup for ${row.productName}`}
                className="w-24 rounded-md px-2 py-1 text-sm ring-1 ring-inset ring-slate-300"
                placeholder={storefront.markupPercent}
                disabled={!storefront.editable}
                value={drafts[row.productId] ?? row.ownMarkupPercent ?? ""}
                onChange={(event) => setDrafts({ ...drafts, [row.productId]: event.target.value })}
                onBlur={(event) => {
                  const value = event.target.value.trim();
                  if (value !== (row.ownMarkupPercent ?? ""))
                    setMarkup.mutate({ productId: row.productId, markupPercent: value === "" ? null : value });
                }}
              />
            ),
          },
          {
            header: "On your storefront",
            cell: (row) => (row.storefrontPrice ? formatMoney(row.storefrontPrice, row.currency) : "—"),
            className: "text-right",
          },
        ]}
      />
      <p className="mt-3 text-xs text-slate-500">
        Leave a product's markup empty to use the general markup. Prices exclude tax.
      </p>
    </Card>
  );
}
