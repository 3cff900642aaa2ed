import {
  Alert,
  Button,
  Card,
  CheckboxField,
  FormGrid,
  FormSection,
  Loading,
  PageHeader,
  SelectField,
  TextAreaField,
  TextField,
  apiErrorMessage,
  currencyOptions,
  fieldErrorsOf,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { EditableFor } from "../../components/editable-for.tsx";

type Product = RouterOutputs["bss"]["catalog"]["getProduct"];

interface Values {
  productTypeId: string;
  sku: string;
  name: string;
  description: string;
  licenseCoverage: string;
  taxRate: string;
  categoryId: string;
  published: boolean;
  expireDaysOverride: string;
  validityDaysOverride: string;
  prices: { currency: string; unitPrice: string }[];
}

const emptyValues: Values = {
  productTypeId: "",
  sku: "",
  name: "",
  description: "",
  licenseCoverage: "",
  taxRate: "24",
  categoryId: "",
  published: false,
  expireDaysOverride: "",
  validityDaysOverride: "",
  prices: [{ currency: "EUR", unitPrice: "" }],
};

function fromProduct(product: Product): Values {
  return {
    productTypeId: product.productType.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    licenseCoverage: product.licenseCoverage,
    taxRate: product.taxRate,
    categoryId: product.category?.id ?? "",
    published: product.published,
    expireDaysOverride: product.expireDaysOverride?.toString() ?? "",
    validityDaysOverride: product.validityDaysOverride?.toString() ?? "",
    prices: product.prices,
  };
}

function toInput(values: Values) {
  const days = (value: string) => (value.trim() === "" ? null : Number(value));
  return {
    ...values,
    categoryId: values.categoryId || null,
    expireDaysOverride: days(values.expireDaysOverride),
    validityDaysOverride: days(values.validityDaysOverride),
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
  const [values, setValues] = useState(initial);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const types = useQuery(trpc.bss.catalog.productTypes.queryOptions());
  const categories = useQuery(trpc.bss.catalog.categories.queryOptions());
  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.bss.catalog.pathKey() });
    void navigate("/catalog/products");
  };
  const create = useMutation(trpc.bss.catalog.createProduct.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.bss.catalog.updateProduct.mutationOptions({ onSuccess }));
  const mutation = product ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const selectedType = types.data?.find((type) => type.id === values.productTypeId);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (product) update.mutate({ id: product.id, ...toInput(values) });
    else create.mutate({ idempotencyKey, ...toInput(values) });
  }

  const setPrice = (index: number, field: "currency" | "unitPrice", value: string) =>
    set("prices")(values.prices.map((price, position) => (position === index ? { ...price, [field]: value } : price)));

  return (
    <>
      <PageHeader
        title={product ? `Edit ${product.name}` : "New product"}
        subtitle="A BitTitan license product on one of the BitTitan product types"
      />
      <Card>
        <EditableFor permission="catalog.edit">
          <form onSubmit={submit} className="space-y-6" noValidate>
            {mutation.isError && <Alert tone="error">{apiErrorMessage(mutation.error)}</Alert>}
            {types.data?.length === 0 && (
              <Alert tone="warning" title="No BitTitan product types yet">
                Activate the Service Manager and run “Get Services Definition” in Setup &gt; BitTitan first.
              </Alert>
            )}
            <FormSection title="Product">
              <FormGrid>
                <SelectField
                  label="Product type"
                  value={values.productTypeId}
                  onChange={set("productTypeId")}
                  placeholder="Choose a product type"
                  options={(types.data ?? []).map((type) => ({ value: type.id, label: type.name }))}
                  error={errors.productTypeId?.[0]}
                />
                <TextField label="SKU" value={values.sku} onChange={set("sku")} error={errors.sku?.[0]} />
                <TextField label="Name" value={values.name} onChange={set("name")} error={errors.name?.[0]} />
                <SelectField
                  label="Category"
                  value={values.categoryId}
                  onChange={set("categoryId")}
                  placeholder="No category"
                  options={(categories.data ?? []).map((category) => ({ value: category.id, label: category.name }))}
                  error={errors.categoryId?.[0]}
                />
              </FormGrid>
              <div className="mt-4 space-y-4">
                <TextAreaField
                  label="Description"
                  value={values.description}
                  onChange={set("description")}
                  error={errors.description?.[0]}
                />
                <TextAreaField
                  label="What the license covers"
                  rows={3}
                  value={values.licenseCoverage}
                  onChange={set("licenseCoverage")}
                  error={errors.licenseCoverage?.[0]}
                />
              </div>
            </FormSection>
            <FormSection
              title="Price and tax"
              description="One unit price per currency; an account buys in its own currency."
            >
              <div className="space-y-3">
                {values.prices.map((price, index) => (
                  <div key={index} className="flex items-end gap-3">
                    <div className="w-32">
                      <SelectField
                        label="Currency"
                        value={price.currency}
                        onChange={(value) => setPrice(index, "currency", value)}
                        options={currencyOptions}
                      />
                    </div>
                    <div className="w-48">
                      <TextField
                        label="Unit price"
                        inputMode="decimal"
                        value={price.unitPrice}
                        onChange={(value) => setPrice(index, "unitPrice", value)}
                        error={errors[`prices.${index}.unitPrice`]?.[0] ?? errors[`prices.${index}.currency`]?.[0]}
                      />
                    </div>
                    {values.prices.length > 1 && (
                      <Button
                        variant="ghost"
                        size="sm"
                        onClick={() => set("prices")(values.prices.filter((_, position) => position !== index))}
                      >
                        Remove
                      </Button>
                    )}
                  </div>
                ))}
                {errors.prices?.[0] && <p className="text-xs text-red-600">{errors.prices[0]}</p>}
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => set("prices")([...values.prices, { currency: "USD", unitPrice: "" }])}
                >
                  Add a currency
                </Button>
                <div className="w-48">
                  <TextField
                    label="Tax rate (%)"
                    inputMode="decimal"
                    value={values.taxRate}
                    onChange={set("taxRate")}
                    error={errors.taxRate?.[0]}
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
                <TextField
                  label="Expire (days)"
                  inputMode="numeric"
                  value={values.expireDaysOverride}
                  onChange={set("expireDaysOverride")}
                  error={errors.expireDaysOverride?.[0]}
                  hint="How long the coupon code stays active."
                />
                <TextField
                  label="Validity (days)"
                  inputMode="numeric"
                  value={values.validityDaysOverride}
                  onChange={set("validityDaysOverride")}
                  error={errors.validityDaysOverride?.[0]}
                  hint="How long the licenses can be used."
                />
              </FormGrid>
            </FormSection>
            <FormSection title="Storefront">
              <CheckboxField
                label="Published"
                checked={values.published}
                onChange={set("published")}
                hint="Published products in the BitTitan Product Group are shown and orderable on the Storefront."
              />
            </FormSection>
            <div className="flex justify-end gap-2">
              <Link to="/catalog/products">
                <Button variant="secondary">Cancel</Button>
              </Link>
              <Button type="submit" loading={mutation.isPending}>
                {product ? "Save product" : "Create product"}
              </Button>
            </div>
          </form>
        </EditableFor>
      </Card>
    </>
  );
}
