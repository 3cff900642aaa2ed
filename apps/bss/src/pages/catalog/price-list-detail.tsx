import {
  Alert,
  ApiForm,
  Button,
  Card,
  FormSelectField,
  FormTextField,
  Loading,
  SubmitButton,
  Table,
  apiErrorMessage,
  formatMoney,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { priceListEntryInput, priceListInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { CatalogColumnsPage, CatalogLink } from "./catalog-tabs.tsx";
import { PriceListInputs } from "./price-list-fields.tsx";
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
  const form = useZodForm(priceListInput, {
    defaultValues: { name: list.name, currency: list.currency, description: list.description ?? "" },
  });
  const update = useMutation(trpc.bss.priceList.update.mutationOptions({ onSuccess: refresh }));
  const onSubmit = useSubmit(form, async (values) => {
    await update.mutateAsync({ id: list.id, ...values });
    form.reset(values);
  });
  const remove = useMutation(
    trpc.bss.priceList.delete.mutationOptions({
      onSuccess: async () => {
        // The list is gone: its unsaved changes with it, without asking.
        form.reset();
        await refresh();
        void navigate("/catalog/price-lists");
      },
    }),
  );
  return (
    <Card title="Price list">
      <EditableFor permission="catalog.edit">
        <ApiForm
          form={form}
          onSubmit={onSubmit}
          error={update.error}
          className="space-y-4"
          aria-label="Price list details"
        >
          <PriceListInputs control={form.control} />
          {remove.isError && <Alert tone="error">{apiErrorMessage(remove.error)}</Alert>}
          <div className="flex justify-between gap-2">
            <Button variant="ghost" onClick={() => remove.mutate({ id: list.id })} loading={remove.isPending}>
              Delete list
            </Button>
            <SubmitButton form={form} pending={update.isPending} showDirty>
              Save
            </SubmitButton>
          </div>
        </ApiForm>
      </EditableFor>
    </Card>
  );
}

/** A price of the list: the list is the page's. */
const entryInput = priceListEntryInput.omit({ priceListId: true });
const noEntry = { productId: "", unitPrice: "" };

/** The list's prices next to each product's own price; add, change or remove one. */
function EntriesCard({ list }: { list: PriceList }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const products = useQuery(trpc.bss.catalog.listProducts.queryOptions({ page: 1, pageSize: 100 }));
  const form = useZodForm(entryInput, { defaultValues: noEntry });
  const edit = (entry: typeof noEntry) => form.reset(entry);
  const setEntry = useMutation(trpc.bss.priceList.setEntry.mutationOptions({ onSuccess: refresh }));
  const onSubmit = useSubmit(form, async (values) => {
    await setEntry.mutateAsync({ priceListId: list.id, ...values });
    edit(noEntry);
  });
  const removeEntry = useMutation(trpc.bss.priceList.removeEntry.mutationOptions({ onSuccess: refresh }));
  const listed = new Set(list.entries.map((entry) => entry.productId));
  const productId = form.watch("productId");
  const changing = listed.has(productId);
  const options = (products.data?.items ?? [])
    .filter((product) => product.id === productId || !listed.has(product.id))
    .map((product) => {
      const own = product.prices.find((price) => price.currency === list.currency);
      return {
        value: product.id,
        label: own
          ? `${product.name} (${formatMoney(own.unitPrice, list.currency)})`
          : `${product.name} (not sold in ${list.currency})`,
      };
    });

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
                  {row.productName}{" "}
                  <span className="whitespace-nowrap font-mono text-xs text-slate-500">{row.sku}</span>
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
                      onClick={() => edit({ productId: row.productId, unitPrice: row.unitPrice })}
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
          <ApiForm
            form={form}
            onSubmit={onSubmit}
            error={setEntry.error}
            guard={false}
            className="space-y-3"
            aria-label="List price"
          >
            <div className="flex flex-wrap items-end gap-3">
              <div className="min-w-64 flex-1">
                <FormSelectField
                  control={form.control}
                  name="productId"
                  label="Product"
                  placeholder="Choose a product"
                  options={options}
                  disabled={changing}
                />
              </div>
              <div className="w-40">
                <FormTextField
                  control={form.control}
                  name="unitPrice"
                  label={`List price (${list.currency})`}
                  inputMode="decimal"
                />
              </div>
              <SubmitButton form={form} pending={setEntry.isPending}>
                {changing ? "Save price" : "Add price"}
              </SubmitButton>
              {changing && (
                <Button variant="secondary" onClick={() => edit(noEntry)}>
                  Cancel
                </Button>
              )}
            </div>
          </ApiForm>
        </EditableFor>
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
