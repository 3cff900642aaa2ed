import {
  Alert,
  ApiForm,
  Button,
  Card,
  FormSelectField,
  FormTextField,
  Loading,
  PageHeader,
  SubmitButton,
  Table,
  apiErrorMessage,
  formatDateTime,
  formatMoney,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { MyStorefrontTabs } from "../pages/my-storefront/tabs.tsx";
import { setSpecialPriceInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

/** My storefront > Prices: special prices per product for one end-customer (Standard only). */
export function StorefrontPricesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prices = useQuery({ ...trpc.storefront.myStorefront.specialPrices.queryOptions(), retry: false });
  const storefront = useQuery({ ...trpc.storefront.myStorefront.get.queryOptions(), retry: false });
  const customers = useQuery(trpc.storefront.endCustomer.list.queryOptions({ page: 1, pageSize: 100 }));
  const onSaved = {
    onSuccess: (next: NonNullable<typeof prices.data>) =>
      queryClient.setQueryData(trpc.storefront.myStorefront.specialPrices.queryKey(), next),
  };
  const set = useMutation(trpc.storefront.myStorefront.setSpecialPrice.mutationOptions(onSaved));
  const remove = useMutation(trpc.storefront.myStorefront.removeSpecialPrice.mutationOptions(onSaved));
  const form = useZodForm(setSpecialPriceInput, {
    defaultValues: { endCustomerAccountId: "", productId: "", unitPrice: "" },
  });
  const onSubmit = useSubmit(form, async (values) => {
    await set.mutateAsync(values);
    form.reset({ ...values, unitPrice: "" });
  });
  if (prices.isPending || storefront.isPending) return <Loading />;
  const header = (
    <>
      <PageHeader title="My storefront" subtitle="Special prices" />
      <MyStorefrontTabs />
    </>
  );
  if (prices.isError) {
    return (
      <>
        {header}
        <Alert tone="info">{apiErrorMessage(prices.error)}</Alert>
      </>
    );
  }
  const products = storefront.data?.products ?? [];
  const editable = storefront.data?.editable === true && storefront.data.plan.code === "STANDARD";
  return (
    <>
      {header}
      <div className="space-y-6">
        {editable && (
          <Card title="Set a special price">
            <p className="mb-4 text-sm text-slate-600">
              One end-customer pays this price for one product at your storefront instead of your price plus markup.
              Prices exclude tax.
            </p>
            <ApiForm form={form} onSubmit={onSubmit} error={set.error} className="space-y-4">
              <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
                <FormSelectField
                  control={form.control}
                  name="endCustomerAccountId"
                  label="End-customer"
                  placeholder="Choose…"
                  options={(customers.data?.items ?? []).map((customer) => ({
                    value: customer.id,
                    label: customer.companyName,
                  }))}
                />
                <FormSelectField
                  control={form.control}
                  name="productId"
                  label="Product"
                  placeholder="Choose…"
                  options={products.map((product) => ({ value: product.productId, label: product.productName }))}
                />
                <FormTextField control={form.control} name="unitPrice" label="Price per license" inputMode="decimal" />
              </div>
              <div className="flex justify-end">
                <SubmitButton form={form} pending={set.isPending}>
                  Save special price
                </SubmitButton>
              </div>
            </ApiForm>
          </Card>
        )}
        <Card title="Special prices">
          {remove.isError && <Alert tone="error">{apiErrorMessage(remove.error)}</Alert>}
          <Table
            rows={prices.data}
            rowKey={(row) => `${row.endCustomer.id}:${row.product.id}`}
            empty="No special prices: every end-customer pays your price plus your markup."
            columns={[
              { header: "End-customer", cell: (row) => row.endCustomer.companyName },
              { header: "Product", cell: (row) => row.product.name },
              {
                header: "You pay",
                cell: (row) => (row.buyingPrice ? formatMoney(row.buyingPrice, row.currency) : "—"),
                className: "text-right",
              },
              {
                header: "Special price",
                cell: (row) => formatMoney(row.unitPrice, row.currency),
                className: "text-right",
              },
              {
                header: "Set",
                cell: (row) => `${formatDateTime(row.updatedAt)} by ${row.setBy.replace(/^customer:/, "")}`,
              },
              {
                header: "",
                cell: (row) =>
                  editable ? (
                    <Button
                      variant="secondary"
                      size="sm"
                      loading={remove.isPending}
                      onClick={() =>
                        remove.mutate({ endCustomerAccountId: row.endCustomer.id, productId: row.product.id })
                      }
                    >
                      Remove
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
