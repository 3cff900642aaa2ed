import {
  Alert,
  Badge,
  Button,
  Card,
  CheckboxField,
  FormGrid,
  Loading,
  PageHeader,
  SelectField,
  TextAreaField,
  TextField,
  apiErrorMessage,
  currencyOptions,
  fieldErrorsOf,
  formatMoney,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CatalogTabs } from "../catalog/catalog-tabs.tsx";
import { EditableFor } from "../../components/editable-for.tsx";

type Plan = RouterOutputs["bss"]["plan"]["list"][number];

/** Catalog > Reseller plans: the Free and Standard plans resellers subscribe to (Basic is having none). */
export function PlansCatalogPage() {
  const trpc = useTRPC();
  const plans = useQuery(trpc.bss.plan.list.queryOptions());
  return (
    <>
      <PageHeader
        title="Catalog"
        subtitle="Reseller plans: recurring subscriptions on the Storefront's Reseller Plans page"
      />
      <CatalogTabs />
      {plans.isPending && <Loading />}
      {plans.isError && <Alert tone="error">{apiErrorMessage(plans.error)}</Alert>}
      <div className="space-y-6">
        {plans.data?.map((plan) => (
          <PlanForm key={plan.id} plan={plan} />
        ))}
      </div>
    </>
  );
}

function PlanForm({ plan }: { plan: Plan }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    name: plan.name,
    description: plan.description,
    features: plan.features.join("\n"),
    taxRate: plan.taxRate,
    billingPeriodMonths: String(plan.billingPeriodMonths),
    published: plan.published,
    prices: plan.prices,
  });
  const update = useMutation(
    trpc.bss.plan.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.bss.plan.pathKey() }),
    }),
  );
  const errors = fieldErrorsOf(update.error);
  const setPrice = (index: number, change: Partial<{ currency: string; unitPrice: string }>) =>
    setValues({
      ...values,
      prices: values.prices.map((price, position) => (position === index ? { ...price, ...change } : price)),
    });
  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({
      id: plan.id,
      name: values.name,
      description: values.description,
      features: values.features
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
      taxRate: values.taxRate,
      billingPeriodMonths: Number(values.billingPeriodMonths),
      published: values.published,
      prices: values.prices,
    });
  }
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          {plan.name} <span className="font-mono text-xs text-slate-500">{plan.code}</span>
          <Badge tone={plan.published ? "green" : "gray"}>{plan.published ? "Published" : "Not published"}</Badge>
        </span>
      }
    >
      <EditableFor permission="catalog.edit">
        <form onSubmit={submit} className="space-y-4" noValidate aria-label={`${plan.code} plan`}>
          {update.isError && <Alert tone="error">{apiErrorMessage(update.error)}</Alert>}
          {update.isSuccess && <Alert tone="success">Saved.</Alert>}
          <FormGrid>
            <TextField
              label="Name"
              value={values.name}
              onChange={(name) => setValues({ ...values, name })}
              error={errors.name?.[0]}
            />
            <TextField
              label="Billing period (months)"
              inputMode="numeric"
              value={values.billingPeriodMonths}
              onChange={(billingPeriodMonths) => setValues({ ...values, billingPeriodMonths })}
              error={errors.billingPeriodMonths?.[0]}
            />
            <TextField
              label="Tax rate (%)"
              value={values.taxRate}
              onChange={(taxRate) => setValues({ ...values, taxRate })}
              error={errors.taxRate?.[0]}
            />
          </FormGrid>
          <TextAreaField
            label="Description"
            value={values.description}
            onChange={(description) => setValues({ ...values, description })}
            error={errors.description?.[0]}
            rows={2}
          />
          <TextAreaField
            label="Features (one per line)"
            value={values.features}
            onChange={(features) => setValues({ ...values, features })}
            error={errors.features?.[0]}
            rows={4}
          />
          <div className="space-y-2">
            <p className="text-sm font-medium text-slate-700">
              Price per billing period{plan.code === "FREE" ? " (always 0)" : ""}
            </p>
            {values.prices.map((price, index) => (
              <div key={index} className="flex items-end gap-3">
                <div className="w-40">
                  <SelectField
                    label="Currency"
                    value={price.currency}
                    onChange={(currency) => setPrice(index, { currency })}
                    options={currencyOptions}
                  />
                </div>
                <div className="w-40">
                  <TextField
                    label="Price"
                    value={price.unitPrice}
                    onChange={(unitPrice) => setPrice(index, { unitPrice })}
                    error={errors[`prices.${index}.unitPrice`]?.[0]}
                    hint={price.unitPrice ? formatMoney(price.unitPrice || "0", price.currency) : undefined}
                  />
                </div>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() =>
                    setValues({ ...values, prices: values.prices.filter((_, position) => position !== index) })
                  }
                >
                  Remove
                </Button>
              </div>
            ))}
            {errors.prices?.[0] && <p className="text-xs text-red-600">{errors.prices[0]}</p>}
            <Button
              variant="secondary"
              size="sm"
              onClick={() =>
                setValues({
                  ...values,
                  prices: [...values.prices, { currency: "EUR", unitPrice: plan.code === "FREE" ? "0" : "" }],
                })
              }
            >
              Add a price
            </Button>
          </div>
          <CheckboxField
            label="Published on the Storefront's Reseller Plans page"
            checked={values.published}
            onChange={(published) => setValues({ ...values, published })}
          />
          <div className="flex justify-end">
            <Button type="submit" loading={update.isPending}>
              Save {plan.name}
            </Button>
          </div>
        </form>
      </EditableFor>
    </Card>
  );
}
