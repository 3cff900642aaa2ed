import {
  Alert,
  ApiForm,
  Badge,
  Card,
  FormCheckboxField,
  FormGrid,
  FormNumberField,
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
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { text, updatePlanInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PriceRows } from "../../components/price-rows.tsx";
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

const featureLines = (value: string) =>
  value
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** The plan's form: updatePlanInput (the id is the plan's), with the features typed one per line. */
const planForm = updatePlanInput.omit({ id: true }).extend({
  features: text().superRefine((value, context) => {
    const issue = updatePlanInput.shape.features.safeParse(featureLines(value)).error?.issues[0];
    if (issue) context.addIssue({ code: "custom", message: issue.message });
  }),
});

const toValues = (plan: Plan) => ({
  name: plan.name,
  description: plan.description,
  features: plan.features.join("\n"),
  taxCategory: plan.taxCategory,
  billingPeriodMonths: plan.billingPeriodMonths,
  published: plan.published,
  prices: plan.prices.map((price) => ({ currency: price.currency, unitPrice: price.unitPrice })),
});

function PlanForm({ plan }: { plan: Plan }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(planForm, { defaultValues: toValues(plan) });
  const update = useMutation(
    trpc.bss.plan.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.bss.plan.pathKey() }),
    }),
  );
  const onSubmit = useSubmit(form, async (values) => {
    await update.mutateAsync({ id: plan.id, ...values, features: featureLines(values.features) });
    form.reset(values);
  });
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
        <ApiForm
          form={form}
          onSubmit={onSubmit}
          error={update.error}
          className="space-y-4"
          aria-label={`${plan.code} plan`}
        >
          {update.isSuccess && <Alert tone="success">Saved.</Alert>}
          <FormGrid>
            <FormTextField control={form.control} name="name" label="Name" />
            <FormNumberField
              control={form.control}
              name="billingPeriodMonths"
              label="Billing period (months)"
              inputMode="numeric"
            />
            <FormSelectField
              control={form.control}
              name="taxCategory"
              label="VAT treatment"
              options={TAX_CATEGORY_OPTIONS}
            />
          </FormGrid>
          <FormTextAreaField control={form.control} name="description" label="Description" rows={2} />
          <FormTextAreaField control={form.control} name="features" label="Features (one per line)" rows={4} />
          <div className="space-y-2">
            <p className="text-sm font-medium text-slate-700">
              Price per billing period{plan.code === "FREE" ? " (always 0)" : ""}
            </p>
            <PriceRows
              control={form.control}
              priceLabel="Price"
              addLabel="Add a price"
              newRow={{ currency: "EUR", unitPrice: plan.code === "FREE" ? "0" : "" }}
              showAmount
            />
          </div>
          <FormCheckboxField
            control={form.control}
            name="published"
            label="Published on the Storefront's Reseller Plans page"
          />
          <div className="flex justify-end">
            <SubmitButton form={form} pending={update.isPending} showDirty>
              Save {plan.name}
            </SubmitButton>
          </div>
        </ApiForm>
      </EditableFor>
    </Card>
  );
}
