import {
  Alert,
  ApiForm,
  Button,
  Card,
  FormGrid,
  FormNumberField,
  FormTextField,
  Loading,
  SubmitButton,
  Table,
  apiErrorMessage,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterInputs } from "@cm/domain/client";
import { categoryInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CatalogColumnsPage } from "./catalog-tabs.tsx";
import { useCan } from "../../components/use-can.ts";

type CategoryValues = RouterInputs["bss"]["catalog"]["createCategory"];

const emptyCategory: CategoryValues = { name: "", description: "", position: 0 };

export function CategoriesPage() {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.bss.catalog.categories.queryOptions());
  /** The category being edited, null for a new one. */
  const [editingId, setEditingId] = useState<string | null>(null);
  const form = useZodForm(categoryInput, { defaultValues: emptyCategory });
  const edit = (id: string | null, values: CategoryValues) => {
    setEditingId(id);
    form.reset(values);
  };
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.bss.catalog.pathKey() });
  const create = useMutation(trpc.bss.catalog.createCategory.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.bss.catalog.updateCategory.mutationOptions({ onSuccess }));
  const remove = useMutation(
    trpc.bss.catalog.deleteCategory.mutationOptions({
      onSuccess: () => {
        edit(null, emptyCategory);
        return onSuccess();
      },
    }),
  );
  const mutation = editingId ? update : create;
  const onSubmit = useSubmit(form, async (values) => {
    if (editingId) await update.mutateAsync({ id: editingId, ...values });
    else await create.mutateAsync(values);
    edit(null, emptyCategory);
  });

  const side = (
    <Card title={editingId ? "Edit category" : "New category"}>
      <ApiForm form={form} onSubmit={onSubmit} error={mutation.error} className="space-y-4">
        <FormTextField control={form.control} name="name" label="Name" />
        <FormTextField control={form.control} name="description" label="Description" />
        <FormGrid>
          <FormNumberField control={form.control} name="position" label="Order" inputMode="numeric" />
        </FormGrid>
        <div className="flex justify-end gap-2">
          {editingId && (
            <Button variant="secondary" onClick={() => edit(null, emptyCategory)}>
              Cancel
            </Button>
          )}
          <SubmitButton form={form} pending={mutation.isPending} showDirty={!!editingId}>
            {editingId ? "Save" : "Add category"}
          </SubmitButton>
        </div>
      </ApiForm>
    </Card>
  );

  return (
    <CatalogColumnsPage subtitle="Categories group products on the Storefront" side={can("catalog.edit") && side}>
      {categories.isPending && <Loading />}
      {remove.isError && <Alert tone="error">{apiErrorMessage(remove.error)}</Alert>}
      {categories.data && (
        <Table
          rows={categories.data}
          rowKey={(row) => row.id}
          empty="No categories yet."
          columns={[
            { header: "Order", cell: (row) => row.position },
            { header: "Name", cell: (row) => <span className="font-medium">{row.name}</span> },
            { header: "Products", cell: (row) => row.productCount },
            {
              header: "",
              cell: (row) =>
                can("catalog.edit") && (
                  <div className="flex justify-end gap-1">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() =>
                        edit(row.id, {
                          name: row.name,
                          description: row.description ?? "",
                          position: row.position,
                        })
                      }
                    >
                      Edit
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => remove.mutate({ id: row.id })}>
                      Delete
                    </Button>
                  </div>
                ),
            },
          ]}
        />
      )}
    </CatalogColumnsPage>
  );
}
