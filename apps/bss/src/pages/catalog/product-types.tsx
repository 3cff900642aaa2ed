import {
  ApiForm,
  EmptyState,
  FormNumberField,
  Loading,
  PageHeader,
  SubmitButton,
  Table,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { productTypeUpdateInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { CatalogTabs } from "./catalog-tabs.tsx";
import { EditableFor } from "../../components/editable-for.tsx";

type ProductType = RouterOutputs["bss"]["catalog"]["productTypes"][number];

export function ProductTypesPage() {
  const trpc = useTRPC();
  const types = useQuery(trpc.bss.catalog.productTypes.queryOptions());
  return (
    <>
      <PageHeader title="Catalog" subtitle="The BitTitan product types and their coupon terms" />
      <CatalogTabs />
      {types.isPending && <Loading />}
      {types.data?.length === 0 && (
        <EmptyState title="No product types yet">
          Run{" "}
          <Link to="/setup/bittitan" className="text-brand-700 hover:underline">
            Get Services Definition
          </Link>{" "}
          to create them.
        </EmptyState>
      )}
      {types.data && types.data.length > 0 && (
        <Table
          rows={types.data}
          rowKey={(row) => row.id}
          columns={[
            { header: "Product type", cell: (row) => <span className="font-medium">{row.name}</span> },
            {
              header: "BitTitan SKU",
              cell: (row) => (
                <>
                  {row.sku.name} <span className="whitespace-nowrap">({row.sku.id})</span>
                </>
              ),
            },
            { header: "Products", cell: (row) => row.productCount },
            { header: "Expire / Validity (days)", cell: (row) => <DaysEditor type={row} /> },
          ]}
        />
      )}
    </>
  );
}

/** A type's coupon terms: the update procedure's input without the type's id. */
const daysForm = productTypeUpdateInput.omit({ id: true });

function DaysEditor({ type }: { type: ProductType }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.bss.catalog.updateProductType.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.bss.catalog.pathKey() }),
    }),
  );
  const form = useZodForm(daysForm, {
    defaultValues: { expireDays: type.expireDays, validityDays: type.validityDays },
  });
  const onSubmit = useSubmit(form, async (values) => {
    await update.mutateAsync({ id: type.id, ...values });
    form.reset(values);
  });
  return (
    <EditableFor permission="catalog.edit">
      <ApiForm form={form} onSubmit={onSubmit} error={update.error} guard={false}>
        <div className="flex items-end gap-2">
          <div className="w-28">
            <FormNumberField
              control={form.control}
              name="expireDays"
              label={`Expire (days) for ${type.name}`}
              inputMode="numeric"
            />
          </div>
          <div className="w-28">
            <FormNumberField
              control={form.control}
              name="validityDays"
              label={`Validity (days) for ${type.name}`}
              inputMode="numeric"
            />
          </div>
          <SubmitButton form={form} variant="secondary">
            Save
          </SubmitButton>
        </div>
      </ApiForm>
    </EditableFor>
  );
}
