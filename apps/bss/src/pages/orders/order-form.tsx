import {
  Alert,
  ApiForm,
  Button,
  Card,
  FormListMessage,
  FormSection,
  FormSelectField,
  Loading,
  PageHeader,
  SubmitButton,
  TextField,
  apiErrorMessage,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { draftOrderInput, idSchema } from "@cm/domain/schemas";
import { useEffect, useState } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { z } from "zod";
import { useDebounced } from "../../components/use-debounced.ts";
import { BitTitanSyncCard } from "../accounts/account-bittitan.tsx";
import {
  emptyLine,
  lineForm,
  lineInputOf,
  lineValuesOf,
  OrderLineFields,
  type OrderValues,
} from "./order-line-fields.tsx";

type Order = RouterOutputs["bss"]["order"]["get"];

/** The draft order as typed: the recipient "" for the billed account itself, the lines as typed. */
const orderForm = draftOrderInput.pick({ accountId: true }).extend({
  recipientAccountId: idSchema.or(z.literal("")),
  lines: z.array(lineForm).min(1, { message: "Add at least one product" }).max(50),
});

export function OrderNewPage() {
  const [params] = useSearchParams();
  return <OrderForm initial={{ accountId: params.get("account") ?? "", recipientAccountId: "", lines: [emptyLine] }} />;
}

export function OrderEditPage() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const order = useQuery(trpc.bss.order.get.queryOptions({ id }));
  if (order.isPending) return <Loading />;
  if (order.isError) return <Alert tone="error">{apiErrorMessage(order.error)}</Alert>;
  const data = order.data;
  return (
    <OrderForm
      order={data}
      initial={{
        accountId: data.account.id,
        recipientAccountId: data.recipient.id === data.account.id ? "" : data.recipient.id,
        lines: data.lines.map(lineValuesOf),
      }}
    />
  );
}

function OrderForm({ initial, order }: { initial: OrderValues; order?: Order }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useZodForm(orderForm, { defaultValues: initial });
  const lines = useFieldArray({ control: form.control, name: "lines" });
  const accountId = useWatch({ control: form.control, name: "accountId" });
  const [accountSearch, setAccountSearch] = useState("");
  const [idempotencyKey] = useState(newIdempotencyKey);
  const debounced = useDebounced(accountSearch);
  const accounts = useQuery(
    trpc.bss.account.list.queryOptions({ search: debounced || undefined, page: 1, pageSize: 50 }),
  );
  const account = useQuery({
    ...trpc.bss.account.get.queryOptions({ id: accountId }),
    enabled: !!accountId,
  });
  // Another billed account: its end-customers are the recipients to choose from.
  useEffect(() => {
    const { unsubscribe } = form.watch((_, { name }) => {
      if (name === "accountId") form.setValue("recipientAccountId", "", { shouldDirty: true });
    });
    return unsubscribe;
  }, [form]);
  const create = useMutation(trpc.bss.order.create.mutationOptions());
  const update = useMutation(trpc.bss.order.update.mutationOptions());
  const mutation = order ? update : create;
  const billable = (accounts.data?.items ?? []).filter((item) => item.kind !== "END_CUSTOMER");
  const accountOptions = [...billable];
  if (account.data && !accountOptions.some((item) => item.id === account.data.id)) accountOptions.unshift(account.data);

  const onSubmit = useSubmit(form, async (values) => {
    const input = {
      accountId: values.accountId,
      recipientAccountId: values.recipientAccountId || null,
      lines: values.lines.map(lineInputOf),
    };
    const saved = order
      ? await update.mutateAsync({ id: order.id, ...input })
      : await create.mutateAsync({ idempotencyKey, ...input });
    await queryClient.invalidateQueries({ queryKey: trpc.bss.order.pathKey() });
    form.reset(values);
    void navigate(`/orders/${saved.id}`);
  });

  return (
    <>
      <PageHeader
        title={order ? `Edit ${order.number}` : "New order"}
        subtitle="Saved as a draft; “Execute Order” completes it like a Storefront checkout"
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <ApiForm form={form} onSubmit={onSubmit} error={mutation.error} className="space-y-6">
            <FormSection title="Account">
              <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                <TextField
                  label="Find an account"
                  type="search"
                  value={accountSearch}
                  onChange={setAccountSearch}
                  placeholder="Company name or number"
                />
                <FormSelectField
                  control={form.control}
                  name="accountId"
                  label="Billed account"
                  placeholder="Choose a reseller or direct customer"
                  options={accountOptions.map((item) => ({
                    value: item.id,
                    label: `${item.companyName} (${item.number})`,
                  }))}
                />
                {account.data?.kind === "RESELLER" && (
                  <FormSelectField
                    control={form.control}
                    name="recipientAccountId"
                    label="Recipient"
                    placeholder={`${account.data.companyName} itself`}
                    options={account.data.endCustomers.map((customer) => ({
                      value: customer.id,
                      label: customer.companyName,
                    }))}
                  />
                )}
              </div>
            </FormSection>
            <FormSection title="Products">
              <div className="space-y-3">
                {lines.fields.map((line, index) => (
                  <div key={line.id} className="grid grid-cols-1 items-end gap-3 sm:grid-cols-7">
                    <OrderLineFields control={form.control} index={index} accountId={accountId} />
                    {lines.fields.length > 1 && (
                      <Button variant="ghost" size="sm" onClick={() => lines.remove(index)}>
                        Remove
                      </Button>
                    )}
                  </div>
                ))}
                <FormListMessage control={form.control} name="lines" />
                <Button variant="secondary" size="sm" onClick={() => lines.append(emptyLine)}>
                  Add a product
                </Button>
              </div>
            </FormSection>
            <div className="flex justify-end gap-2">
              <Link to={order ? `/orders/${order.id}` : "/orders"}>
                <Button variant="secondary">Cancel</Button>
              </Link>
              <SubmitButton form={form} showDirty={!!order}>
                Save draft
              </SubmitButton>
            </div>
          </ApiForm>
        </Card>
        {accountId && <BitTitanSyncCard accountId={accountId} />}
      </div>
    </>
  );
}
