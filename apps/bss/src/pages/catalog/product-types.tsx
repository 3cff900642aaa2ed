import {
  Alert,
  Button,
  EmptyState,
  Loading,
  PageHeader,
  Table,
  TextField,
  apiErrorMessage,
  fieldErrorsOf,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
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
            { header: "BitTitan SKU", cell: (row) => `${row.sku.name} (${row.sku.id})` },
            { header: "Products", cell: (row) => row.productCount },
            { header: "Expire / Validity (days)", cell: (row) => <DaysEditor type={row} /> },
          ]}
        />
      )}
    </>
  );
}

function DaysEditor({ type }: { type: ProductType }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [expireDays, setExpire] = useState(String(type.expireDays));
  const [validityDays, setValidity] = useState(String(type.validityDays));
  const update = useMutation(
    trpc.bss.catalog.updateProductType.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.bss.catalog.pathKey() }),
    }),
  );
  const errors = fieldErrorsOf(update.error);
  return (
    <EditableFor permission="catalog.edit">
      <div className="flex items-end gap-2">
        <div className="w-28">
          <TextField
            label={`Expire (days) for ${type.name}`}
            inputMode="numeric"
            value={expireDays}
            onChange={setExpire}
            error={errors.expireDays?.[0]}
          />
        </div>
        <div className="w-28">
          <TextField
            label={`Validity (days) for ${type.name}`}
            inputMode="numeric"
            value={validityDays}
            onChange={setValidity}
            error={errors.validityDays?.[0]}
          />
        </div>
        <Button
          size="sm"
          variant="secondary"
          loading={update.isPending}
          onClick={() =>
            update.mutate({ id: type.id, expireDays: Number(expireDays), validityDays: Number(validityDays) })
          }
        >
          Save
        </Button>
        {update.isError && !errors.expireDays && !errors.validityDays && (
          <Alert tone="error">{apiErrorMessage(update.error)}</Alert>
        )}
      </div>
    </EditableFor>
  );
}
