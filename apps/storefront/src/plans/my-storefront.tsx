import {
  Alert,
  ApiForm,
  Card,
  Details,
  FormTextField,
  Loading,
  PageHeader,
  SubmitButton,
  Table,
  apiErrorMessage,
  formatMoney,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { updateMyStorefrontInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FocusEvent } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { MyStorefrontTabs } from "../pages/my-storefront/tabs.tsx";

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
      <MyStorefrontTabs />
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
  const update = useMutation(
    trpc.storefront.myStorefront.update.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.storefront.myStorefront.get.queryKey(), next),
    }),
  );
  const form = useZodForm(updateMyStorefrontInput, {
    defaultValues: {
      displayName: storefront.displayName,
      primaryColor: storefront.primaryColor,
      markupPercent: storefront.markupPercent,
    },
  });
  const onSubmit = useSubmit(form, async (values) => {
    await update.mutateAsync(values);
    form.reset(values);
  });
  return (
    <Card title="Name, colour and prices">
      <ApiForm form={form} onSubmit={onSubmit} error={update.error} className="space-y-4">
        {update.isSuccess && !form.formState.isDirty && <Alert tone="success">Saved.</Alert>}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <FormTextField
            control={form.control}
            name="displayName"
            label="Storefront name"
            disabled={!storefront.editable}
          />
          <FormTextField
            control={form.control}
            name="primaryColor"
            label="Colour"
            hint="#rrggbb"
            disabled={!storefront.editable}
          />
          <FormTextField
            control={form.control}
            name="markupPercent"
            label="Markup (%)"
            inputMode="decimal"
            hint="Added to the distributor's price on your storefront"
            disabled={!storefront.editable}
          />
        </div>
        {storefront.editable && (
          <div className="flex justify-end">
            <SubmitButton form={form} pending={update.isPending} showDirty>
              Save
            </SubmitButton>
          </div>
        )}
      </ApiForm>
    </Card>
  );
}

type ProductRow = MyStorefront["products"][number];

function MarkupsCard({ storefront }: { storefront: MyStorefront }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
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
              <MarkupInput
                row={row}
                placeholder={storefront.markupPercent}
                disabled={!storefront.editable}
                onSave={(markupPercent) => setMarkup.mutate({ productId: row.productId, markupPercent })}
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

/**
 * A product's own markup, saved when the field is left (empty: the general markup). The server checks it and
 * the card shows its refusal, so the draft is kept as typed.
 */
function MarkupInput({
  row,
  placeholder,
  disabled,
  onSave,
}: {
  row: ProductRow;
  placeholder: string;
  disabled: boolean;
  onSave: (markupPercent: string | null) => void;
}) {
  const form = useForm({ defaultValues: { markupPercent: row.ownMarkupPercent ?? "" } });
  return (
    <input
      aria-label={`Markup for ${row.productName}`}
      className="w-24 rounded-md px-2 py-1 text-sm ring-1 ring-inset ring-slate-300"
      placeholder={placeholder}
      disabled={disabled}
      {...form.register("markupPercent", {
        onBlur: (event: FocusEvent<HTMLInputElement>) => {
          const value = event.target.value.trim();
          if (value !== (row.ownMarkupPercent ?? "")) onSave(value === "" ? null : value);
        },
      })}
    />
  );
}
