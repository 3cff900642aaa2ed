import { Alert, Button, Card, FormGrid, Loading, Table, TextField, apiErrorMessage, fieldErrorsOf } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CatalogColumnsPage } from "./catalog-tabs.tsx";
import { useCan } from "../../components/use-can.ts";

export function CategoriesPage() {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.bss.catalog.categories.queryOptions());
  const [editing, setEditing] = useState<{ id: string | null; name: string; description: string; position: string }>({
    id: null,
    name: "",
    description: "",
    position: "0",
  });
  const onSuccess = () => {
    setEditing({ id: null, name: "", description: "", position: "0" });
    return queryClient.invalidateQueries({ queryKey: trpc.bss.catalog.pathKey() });
  };
  const create = useMutation(trpc.bss.catalog.createCategory.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.bss.catalog.updateCategory.mutationOptions({ onSuccess }));
  const remove = useMutation(trpc.bss.catalog.deleteCategory.mutationOptions({ onSuccess }));
  const mutation = editing.id ? update : create;
  const errors = fieldErrorsOf(mutation.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { name: editing.name, description: editing.description, position: Number(editing.position) || 0 };
    if (editing.id) update.mutate({ id: editing.id, ...input });
    else create.mutate(input);
  }

  const form = (
    <Card title={editing.id ? "Edit category" : "New category"}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        {mutation.isError && <Alert tone="error">{apiErrorMessage(mutation.error)}</Alert>}
        <TextField
          label="Name"
          value={editing.name}
          onChange={(name) => setEditing({ ...editing, name })}
          error={errors.name?.[0]}
        />
        <TextField
          label="Description"
          value={editing.description}
          onChange={(description) => setEditing({ ...editing, description })}
          error={errors.description?.[0]}
        />
        <FormGrid>
          <TextField
            label="Order"
            inputMode="numeric"
            value={editing.position}
            onChange={(position) => setEditing({ ...editing, position })}
            error={errors.position?.[0]}
          />
        </FormGrid>
        <div className="flex justify-end gap-2">
          {editing.id && (
            <Button
              variant="secondary"
              onClick={() => setEditing({ id: null, name: "", description: "", position: "0" })}
            >
              Cancel
            </Button>
          )}
          <Button type="submit" loading={mutation.isPending}>
            {editing.id ? "Save" : "Add category"}
          </Button>
        </div>
      </form>
    </Card>
  );

  return (
    <CatalogColumnsPage subtitle="Categories group products on the Storefront" side={can("catalog.edit") && form}>
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
                        setEditing({
                          id: row.id,
                          name: row.name,
                          description: row.description ?? "",
                          position: String(row.position),
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
