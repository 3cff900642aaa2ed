import { Alert, Button, Card, Loading, Table, apiErrorMessage, formatDate } from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { CatalogColumnsPage, CatalogLink } from "./catalog-tabs.tsx";
import { PriceListFields, emptyPriceList, type PriceListValues } from "./price-list-fields.tsx";
import { useCan } from "../../components/use-can.ts";

/** Catalog > Price lists: per-account prices, assigned to accounts on the account form. */
export function PriceListsPage() {
  const trpc = useTRPC();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lists = useQuery(trpc.bss.priceList.list.queryOptions({}));
  const [values, setValues] = useState<PriceListValues>(emptyPriceList);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const create = useMutation(
    trpc.bss.priceList.create.mutationOptions({
      onSuccess: async (list) => {
        setIdempotencyKey(newIdempotencyKey());
        await queryClient.invalidateQueries({ queryKey: trpc.bss.priceList.pathKey() });
        void navigate(`/catalog/price-lists/${list.id}`);
      },
    }),
  );

  const form = (
    <Card title="New price list">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ idempotencyKey, ...values });
        }}
        className="space-y-4"
        noValidate
      >
        <PriceListFields values={values} onChange={setValues} error={create.error} />
        <div className="flex justify-end">
          <Button type="submit" loading={create.isPending}>
            Add price list
          </Button>
        </div>
      </form>
    </Card>
  );

  return (
    <CatalogColumnsPage
      subtitle="Price lists: an account on a list pays the list's price for the products it names, the product's own price for the rest"
      side={can("catalog.edit") && form}
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
