import {
  ApiForm,
  Alert,
  Button,
  Card,
  FormCheckboxField,
  FormGrid,
  FormNumberField,
  FormSection,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
  Loading,
  PageHeader,
  SubmitButton,
  TAX_CATEGORY_OPTIONS,
  apiErrorMessage,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import type { RouterInputs, RouterOutputs } from "@cm/domain/client";
import { productInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PriceRows } from "../../components/price-rows.tsx";
import { Link, useNavigate, useParams } from "react-router";
import { EditableFor } from "../../components/editable-for.tsx";

type Product = RouterOutputs["bss"]["catalog"]["getProduct"];
type Values = Omit<RouterInputs["bss"]["catalog"]["updateProduct"], "id">;

const emptyValues: Values = {
  productTypeId: "",
  sku: "",
  name: "",
  description: "",
  licenseCoverage: "",
  taxCategory: "STANDARD",
  categoryId: null,
  published: false,
  expireDaysOverride: null,
  validityDaysOverride: null,
  prices: [{ currency: "EUR", unitPrice: "" }],
};

function fromProduct(product: Product): Values {
  return {
    productTypeId: product.productType.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    licenseCoverage: product.licenseCoverage,
    taxCategory: product.taxCategory,
    categoryId: product.category?.id ?? null,
    published: product.published,
    expireDaysOverride: product.expireDaysOverride ?? null,
    validityDaysOverride: product.validityDaysOverride ?? null,
    prices: product.prices.map((price) => ({ currency: price.currency, unitPrice: price.unitPrice })),
  };
}

export function ProductNewPage() {
  return <ProductForm initial={emptyValues} />;
}

export function ProductEditPage() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const product = useQuery(trpc.bss.catalog.getProduct.queryOptions({ id }));
  if (product.isPending) return <Loading />;
  if (product.isError) return <Alert tone="error">{apiErrorMessage(product.error)}</Alert>;
  return <ProductForm initial={fromProduct(product.data)} product={product.data} />;
}

function ProductForm({ initial, product }: { initial: Values; product?: Product }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useZodForm(productInput, { defaultValues: initial });
  const [idempotencyKey] = useState(newIdempotencyKey);
  const types = useQuery(trpc.bss.catalog.productTypes.queryOptions());
  const categories = useQuery(trpc.bss.catalog.categories.queryOptions());
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.bss.catalog.pathKey() });
  const create = useMutation(trpc.bss.catalog.createProduct.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.bss.catalog.updateProduct.mutationOptions({ onSuccess }));
  const mutation = product ? update : create;
  const onSubmit = useSubmit(form, async (values) => {
    if (product) await update.mutateAsync({ id: product.id, ...values });
    else await create.mutateAsync({ idempotencyKey, ...values });
    form.reset(values);
    void navigate("/catalog/products");
  });
  const productTypeId = form.watch("productTypeId");
  const selectedType = types.data?.find((type) => type.id === productTypeId);

  return (
    <>
      <PageHeader
        title={product ? `Edit ${product.name}` : "New product"}
        subtitle="A BitTitan license product on one of the BitTitan product types"
      />
      <Card>
        <EditableFor permission="catalog.edit">
          <ApiForm form={form} onSubmit={onSubmit} error={mutation.error} className="space-y-6">
            {types.data?.length === 0 && (
              <Alert tone="warning" title="No BitTitan product types yet">
                Activate the Service Manager and run “Get Services Definition” in Setup &gt; BitTitan first.
              </Alert>
            )}
            <FormSection title="Product">
              <FormGrid>
                <FormSelectField
                  control={form.control}
                  name="productTypeId"
                  label="Product type"
                  placeholder="Choose a product type"
                  options={(types.data ?? []).map((type) => ({ value: type.id, label: type.name }))}
                />
                <FormTextField control={form.control} name="sku" label="SKU" />
                <FormTextField control={form.control} name="name" label="Name" />
                <FormSelectField
                  control={form.control}
                  name="categoryId"
                  label="Category"
                  placeholder="No category"
                  options={(categories.data ?? []).map((category) => ({ value: category.id, label: category.name }))}
                  emptyAsNull
                />
              </FormGrid>
              <div className="mt-4 space-y-4">
                <FormTextAreaField control={form.control} name="description" label="Description" />
                <FormTextAreaField
                  control={form.control}
                  name="licenseCoverage"
                  label="What the license covers"
                  rows={3}
                />
              </div>
            </FormSection>
            <FormSection
              title="Price and tax"
              description="One unit price per currency; an account buys in its own currency. The VAT rate follows from where the buyer is (Catalog > Tax rates)."
            >
              <div className="space-y-3">
                <PriceRows
                  control={form.control}
                  priceLabel="Unit price"
                  addLabel="Add a currency"
                  newRow={{ currency: "USD", unitPrice: "" }}
                  minRows={1}
                />
                <div className="w-72">
                  <FormSelectField
                    control={form.control}
                    name="taxCategory"
                    label="VAT treatment"
                    options={TAX_CATEGORY_OPTIONS}
                  />
                </div>
              </div>
            </FormSection>
            <FormSection
              title="Coupon terms"
              description={
                selectedType
                  ? `Leave empty to use the product type's defaults (${selectedType.expireDays} / ${selectedType.validityDays} days).`
                  : "Leave empty to use the product type's defaults."
              }
            >
              <FormGrid>
                <FormNumberField
                  control={form.control}
                  name="expireDaysOverride"
                  label="Expire (days)"
                  inputMode="numeric"
                  emptyAsNull
                  hint="How long the coupon code stays active."
                />
                <FormNumberField
                  control={form.control}
                  name="validityDaysOverride"
                  label="Validity (days)"
                  inputMode="numeric"
                  emptyAsNull
                  hint="How long the licenses can be used."
                />
              </FormGrid>
            </FormSection>
            <FormSection title="Storefront">
              <FormCheckboxField
                control={form.control}
                name="published"
                label="Published"
                hint="Published products in the BitTitan Product Group are shown and orderable on the Storefront."
              />
            </FormSection>
            <div className="flex justify-end gap-2">
              <Link to="/catalog/products">
                <Button variant="secondary">Cancel</Button>
              </Link>
              <SubmitButton form={form} pending={mutation.isPending} showDirty={!!product}>
                {product ? "Save product" : "Create product"}
              </SubmitButton>
            </div>
          </ApiForm>
        </EditableFor>
      </Card>
    </>
  );
}
