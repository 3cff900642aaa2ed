import {
  Alert,
  Button,
  Card,
  Loading,
  SelectField,
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
import { Link, useNavigate, useParams } from "react-router";
import { CatalogColumnsPage, CatalogLink } from "./catalog-tabs.tsx";
import { PriceListFields } from "./price-list-fields.tsx";
import { EditableFor } from "../../components/editable-for.tsx";

type PriceList = RouterOutputs["bss"]["priceList"]["get"];

export function PriceListDetailPage() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const list = useQuery(trpc.bss.priceList.get.queryOptions({ id }));
  if (list.isPending) return <Loading />;
  if (list.isError) return <Alert tone="error">{apiErrorMessage(list.error)}</Alert>;
  return (
    <CatalogColumnsPage
      title={list.data.name}
      subtitle={`Price list in ${list.data.currency}`}
      side={
        <>
          <DetailsCard key={list.data.updatedAt.toISOString()} list={list.data} />
          <AccountsCard list={list.data} />
        </>
      }
    >
      <EntriesCard list={list.data} />
    </CatalogColumnsPage>
  );
}

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.bss.priceList.pathKey() });
}

function DetailsCard({ list }: { list: PriceList }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefresh();
  const [values, setValues] = useState({
    name: list.name,
    currency: list.currency,
    description: list.description ?? "",
  });
  const update = useMutation(trpc.bss.priceList.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.bss.priceList.delete.mutationOptions({
      onSuccess: async () => {
        await refresh();
        void navigate("/catalog/price-lists");
      },
    }),
  );
  return (
    <Card title="Price list">
      <EditableFor permission="catalog.edit">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ id: list.id, ...values });
          }}
          className="space-y-4"
          noValidate
          aria-label="Price list details"
        >
          <PriceListFields values={values} onChange={setValues} error={update.error} />
          {remove.isError && <Alert tone="error">{apiErrorMessage(remove.error)}</Alert>}
          <div className="flex justify-between gap-2">
            <Button variant="ghost" onClick={() => remove.mutate({ id: list.id })} loading={remove.isPending}>
              Delete list
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </div>
        </form>
      </EditableFor>
    </Card>
  );
}

/** The list's prices next to each product's own price; add, change or remove one. */
function EntriesCard({ list }: { list: PriceList }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const products = useQuery(trpc.bss.catalog.listProducts.queryOptions({ page: 1, pageSize: 100 }));
  const [editing, setEditing] = useState({ productId: "", unitPrice: "" });
  const reset = () => setEditing({ productId: "", unitPrice: "" });
  const setEntry = useMutation(
    trpc.bss.priceList.setEntry.mutationOptions({
      onSuccess: async () => {
        reset();
        await refresh();
      },
    }),
  );
  const removeEntry = useMutation(trpc.bss.priceList.removeEntry.mutationOptions({ onSuccess: refresh }));
  const errors = fieldErrorsOf(setEntry.error);
  const listed = new Set(list.entries.map((entry) => entry.productId));
  const changing = listed.has(editing.productId);
  const options = (products.data?.items ?? [])
    .filter((product) => product.id === editing.productId || !listed.has(product.id))
    .map((product) => {
      const own = product.prices.find((price) => price.currency === list.currency);
      return {
        value: product.id,
        label: own
          ? `${product.name} (${formatMoney(own.unitPrice, list.currency)})`
          : `${product.name} (not sold in ${list.currency})`,
      };
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    setEntry.mutate({ priceListId: list.id, ...editing });
  }

  return (
    <Card title={`Prices (${list.entries.length})`}>
      <div className="space-y-4">
        {removeEntry.isError && <Alert tone="error">{apiErrorMessage(removeEntry.error)}</Alert>}
        <Table
          rows={list.entries}
          rowKey={(row) => row.productId}
          empty="No prices yet: the list's accounts pay every product's own price."
          columns={[
            {
              header: "Product",
              cell: (row) => (
                <CatalogLink to={`/catalog/products/${row.productId}`}>
                  {row.productName} <span className="font-mono text-xs text-slate-500">{row.sku}</span>
                </CatalogLink>
              ),
            },
            { header: "List price", cell: (row) => formatMoney(row.unitPrice, list.currency), className: "text-right" },
            {
              header: "Product's price",
              cell: (row) =>
                row.productPrice ? (
                  formatMoney(row.productPrice, list.currency)
                ) : (
                  <span className="text-amber-700">Not sold in {list.currency}: not applied</span>
                ),
              className: "text-right",
            },
            {
              header: "",
              cell: (row) => (
                <EditableFor permission="catalog.edit">
                  <div className="flex justify-end gap-1">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setEditing({ productId: row.productId, unitPrice: row.unitPrice })}
                    >
                      Edit
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => removeEntry.mutate({ priceListId: list.id, productId: row.productId })}
                    >
                      Remove
                    </Button>
                  </div>
                </EditableFor>
              ),
            },
          ]}
        />
        <EditableFor permission="catalog.edit">
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate aria-label="List price">
            <div className="min-w-64 flex-1">
              <SelectField
                label="Product"
                value={editing.productId}
                onChange={(productId) => setEditing({ ...editing, productId })}
                placeholder="Choose a product"
                options={options}
                disabled={changing}
                error={errors.productId?.[0]}
              />
            </div>
            <div className="w-40">
              <TextField
                label={`List price (${list.currency})`}
                inputMode="decimal"
                value={editing.unitPrice}
                onChange={(unitPrice) => setEditing({ ...editing, unitPrice })}
                error={errors.unitPrice?.[0]}
              />
            </div>
            <Button type="submit" loading={setEntry.isPending}>
              {changing ? "Save price" : "Add price"}
            </Button>
            {changing && (
              <Button variant="secondary" onClick={reset}>
                Cancel
              </Button>
            )}
          </form>
        </EditableFor>
        {setEntry.isError && !errors.productId && !errors.unitPrice && (
          <Alert tone="error">{apiErrorMessage(setEntry.error)}</Alert>
        )}
      </div>
    </Card>
  );
}

function AccountsCard({ list }: { list: PriceList }) {
  return (
    <Card title={`Accounts (${list.accounts.length})`}>
      {list.accounts.length === 0 ? (
        <p className="text-sm text-slate-500">
          No account has this list yet. Choose it on an account's form (accounts buying in {list.currency}).
        </p>
      ) : (
        <ul className="space-y-1 text-sm">
          {list.accounts.map((account) => (
            <li key={account.id}>
              <Link to={`/accounts/${account.id}`} className="text-brand-700 hover:underline">
                {account.companyName}
              </Link>{" "}
              <span className="font-mono text-xs text-slate-500">{account.number}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
