import {
  ApiForm,
  Badge,
  Card,
  FormGrid,
  FormSelectField,
  FormTextField,
  Loading,
  SubmitButton,
  Table,
  Alert,
  apiErrorMessage,
  countryOptions,
  formatDate,
  formatPercent,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterInputs } from "@cm/domain/client";
import { addTaxRateInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CatalogColumnsPage } from "./catalog-tabs.tsx";
import { useCan } from "../../components/use-can.ts";

type RateValues = RouterInputs["bss"]["taxRate"]["create"];

const emptyRate: RateValues = { country: "", rate: "", validFrom: "" };
const dayOf = (day: string) => formatDate(`${day}T00:00:00Z`);

/**
 * Catalog > Tax rates: each country's standard VAT rate over time. A sale is
 * taxed at the rate in force on its invoice date (the row with the latest
 * "valid from" on or before it), so a change is a new row from its first day.
 */
export function TaxRatesPage() {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const table = useQuery(trpc.bss.taxRate.list.queryOptions());
  const form = useZodForm(addTaxRateInput, { defaultValues: emptyRate });
  const create = useMutation(
    trpc.bss.taxRate.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.bss.taxRate.pathKey() }),
    }),
  );
  const onSubmit = useSubmit(form, async (values) => {
    await create.mutateAsync(values);
    form.reset(emptyRate);
  });

  const side = (
    <Card title="New rate">
      <ApiForm form={form} onSubmit={onSubmit} error={create.error} className="space-y-4">
        <p className="text-sm text-slate-600">
          A country's new standard rate from a day on (today or later). Invoices already issued keep their rate.
        </p>
        <FormSelectField
          control={form.control}
          name="country"
          label="Country"
          options={countryOptions}
          placeholder="Choose a country"
        />
        <FormGrid>
          <FormTextField control={form.control} name="rate" label="Standard rate (%)" inputMode="decimal" />
          <FormTextField control={form.control} name="validFrom" label="Valid from" type="date" />
        </FormGrid>
        <div className="flex justify-end">
          <SubmitButton form={form} pending={create.isPending}>
            Add rate
          </SubmitButton>
        </div>
      </ApiForm>
    </Card>
  );

  return (
    <CatalogColumnsPage
      subtitle="Standard VAT rates by country: the buyer's country, the distributor's and the invoice date decide which applies"
      side={can("catalog.edit") && side}
    >
      {table.isPending && <Loading />}
      {table.isError && <Alert tone="error">{apiErrorMessage(table.error)}</Alert>}
      {table.data && (
        <Table
          rows={table.data.rates}
          rowKey={(row) => `${row.country}:${row.validFrom}`}
          empty="No rates yet."
          columns={[
            { header: "Country", cell: (row) => <span className="font-medium">{row.countryName}</span> },
            { header: "Code", cell: (row) => <span className="font-mono text-xs">{row.country}</span> },
            { header: "Standard rate", cell: (row) => formatPercent(row.rate), className: "text-right" },
            { header: "Valid from", cell: (row) => dayOf(row.validFrom) },
            {
              header: "",
              cell: (row) =>
                row.inForce ? (
                  <Badge tone="green">In force</Badge>
                ) : row.validFrom > table.data.today ? (
                  <Badge tone="yellow">From {dayOf(row.validFrom)}</Badge>
                ) : (
                  <Badge>Earlier</Badge>
                ),
            },
            { header: "Added by", cell: (row) => row.createdBy ?? "Seeded" },
          ]}
        />
      )}
    </CatalogColumnsPage>
  );
}
