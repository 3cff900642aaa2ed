import { Alert, Badge, Button, Card, Loading, PageHeader, SelectField, apiErrorMessage } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { CatalogTabs } from "./catalog-tabs.tsx";
import { EditableFor } from "../../components/editable-for.tsx";

interface Entry {
  productId: string;
  name: string;
  sku: string;
  published: boolean;
  category: string | null;
}

/** Which products the Storefront shows, and in which order. */
export function ProductGroupPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const group = useQuery(trpc.bss.catalog.productGroup.queryOptions());
  const products = useQuery(trpc.bss.catalog.listProducts.queryOptions({ page: 1, pageSize: 100 }));
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [adding, setAdding] = useState("");
  useEffect(() => {
    if (group.data) setEntries(group.data);
  }, [group.data]);
  const save = useMutation(
    trpc.bss.catalog.setProductGroup.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.bss.catalog.pathKey() }),
    }),
  );
  if (!entries) return <Loading />;

  const move = (index: number, by: number) => {
    const next = [...entries];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    setEntries(next);
  };
  const candidates = (products.data?.items ?? []).filter(
    (product) => !entries.some((entry) => entry.productId === product.id),
  );
  const dirty =
    JSON.stringify(entries.map((entry) => entry.productId)) !==
    JSON.stringify(group.data?.map((entry) => entry.productId));

  return (
    <>
      <PageHeader title="Catalog" subtitle="The BitTitan Product Group: what the Storefront shows, in this order" />
      <CatalogTabs />
      <EditableFor permission="catalog.edit">
        <Card
          title="BitTitan Product Group"
          actions={
            <Button
              onClick={() => save.mutate({ productIds: entries.map((entry) => entry.productId) })}
              loading={save.isPending}
              disabled={!dirty}
            >
              Save order
            </Button>
          }
        >
          {save.isError && <Alert tone="error">{apiErrorMessage(save.error)}</Alert>}
          {save.isSuccess && !dirty && <Alert tone="success">Saved. The Storefront shows this order now.</Alert>}
          <ol className="mt-3 divide-y divide-slate-100">
            {entries.map((entry, index) => (
              <li key={entry.productId} className="flex items-center justify-between py-2">
                <div className="flex items-center gap-3">
                  <span className="w-6 text-right text-sm text-slate-400">{index + 1}.</span>
                  <span className="font-medium">{entry.name}</span>
                  <span className="whitespace-nowrap font-mono text-xs text-slate-500">{entry.sku}</span>
                  {entry.category && <Badge tone="blue">{entry.category}</Badge>}
                  {!entry.published && <Badge tone="yellow">Not published</Badge>}
                </div>
                <div className="flex gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={`Move ${entry.name} up`}
                  >
                    ↑
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === entries.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={`Move ${entry.name} down`}
                  >
                    ↓
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setEntries(entries.filter((other) => other.productId !== entry.productId))}
                  >
                    Remove
                  </Button>
                </div>
              </li>
            ))}
          </ol>
          {entries.length === 0 && (
            <p className="py-4 text-sm text-slate-500">
              The group is empty: the Storefront shows no BitTitan products.
            </p>
          )}
          <div className="mt-4 flex items-end gap-2 border-t border-slate-200 pt-4">
            <div className="w-80">
              <SelectField
                label="Add a product"
                value={adding}
                onChange={setAdding}
                placeholder="Choose a product"
                options={candidates.map((product) => ({
                  value: product.id,
                  label: `${product.name} (${product.sku})`,
                }))}
              />
            </div>
            <Button
              variant="secondary"
              disabled={!adding}
              onClick={() => {
                const product = candidates.find((candidate) => candidate.id === adding);
                if (product)
                  setEntries([
                    ...entries,
                    {
                      productId: product.id,
                      name: product.name,
                      sku: product.sku,
                      published: product.published,
                      category: product.category?.name ?? null,
                    },
                  ]);
                setAdding("");
              }}
            >
              Add
            </Button>
          </div>
        </Card>
      </EditableFor>
    </>
  );
}
