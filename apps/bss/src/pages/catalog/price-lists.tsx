import {
  Alert,
  ApiForm,
  Card,
  Loading,
  SubmitButton,
  Table,
  apiErrorMessage,
  formatDate,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import { priceListInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { CatalogColumnsPage, CatalogLink } from "./catalog-tabs.tsx";
import { PriceListInputs, emptyPriceList } from "./price-list-fields.tsx";
import { useCan } from "../../components/use-can.ts";

/** Catalog > Price lists: per-account prices, assigned to accounts on the account form. */
export function PriceListsPage() {
  const trpc = useTRPC();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lists = useQuery(trpc.bss.priceList.list.queryOptions({}));
  const form = useZodForm(priceListInput, { defaultValues: emptyPriceList });
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const create = useMutation(
    trpc.bss.priceList.create.mutationOptions({
      onSuccess: async () => {
        setIdempotencyKey(newIdempotencyKey());
        await queryClient.invalidateQueries({ queryKey: trpc.bss.priceList.pathKey() });
      },
    }),
  );
  const onSubmit = useSubmit(form, async (values) => {
    const list = await create.mutateAsync({ idempotencyKey, ...values });
    form.reset(emptyPriceList);
    void navigate(`/catalog/price-lists/${list.id}`);
  });

  const side = (
    <Card title="New price list">
      <ApiForm form={form} onSubmit={onSubmit} error={create.error} className="space-y-4">
        <PriceListInputs control={form.control} />
        <div className="flex justify-end">
          <SubmitButton form={form} pending={create.isPending}>
            Add price list
          </SubmitButton>
        </div>
      </ApiForm>
    </Card>
  );

  return (
    <CatalogColumnsPage
      subtitle="Price lists: an account on a list pays the list's price for the products it names, the product's own price for the rest"
      side={can("catalog.edit") && side}
    >
      {lists.isPending && <Loading />}
      {lists.isError && <Alert tone="error">{apiErrorMessage(lists.error)}</Alert>}
      {lists.data && (
        <Table
          rows={lists.data}
          rowKey={(row) => row.id}
          empty="No price lists yet."
          columns={[
            {
              header: "Name",
              cell: (row) => <CatalogLink to={`/catalog/price-lists/${row.id}`}>{row.name}</CatalogLink>,
            },
            { header: "Currency", cell: (row) => row.currency },
            { header: "Prices", cell: (row) => row.entryCount },
            { header: "Accounts", cell: (row) => row.accountCount },
            { header: "Changed", cell: (row) => formatDate(row.updatedAt) },
          ]}
        />
      )}
    </CatalogColumnsPage>
  );
}
