import {
  Alert,
  Button,
  Card,
  FormSection,
  Loading,
  PageHeader,
  SelectField,
  TextField,
  apiErrorMessage,
  fieldErrorsOf,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useDebounced } from "../../components/use-debounced.ts";
import { BitTitanSyncCard } from "../accounts/account-bittitan.tsx";
import { emptyLine, lineInputOf, lineValuesOf, OrderLineFields, type LineValues } from "./order-line-fields.tsx";

type Order = RouterOutputs["bss"]["order"]["get"];
interface Values {
  accountId: string;
  recipientAccountId: string;
  lines: LineValues[];
}

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

function OrderForm({ initial, order }: { initial: Values; order?: Order }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initial);
  const [accountSearch, setAccountSearch] = useState("");
  const [idempotencyKey] = useState(newIdempotencyKey);
  const debounced = useDebounced(accountSearch);
  const accounts = useQuery(
    trpc.bss.account.list.queryOptions({ search: debounced || undefined, page: 1, pageSize: 50 }),
  );
  const account = useQuery({
    ...trpc.bss.account.get.queryOptions({ id: values.accountId }),
    enabled: !!values.accountId,
  });
  const onSuccess = async (saved: Order) => {
    await queryClient.invalidateQueries({ queryKey: trpc.bss.order.pathKey() });
    void navigate(`/orders/${saved.id}`);
  };
  const create = useMutation(trpc.bss.order.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.bss.order.update.mutationOptions({ onSuccess }));
  const mutation = order ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const billable = (accounts.data?.items ?? []).filter((item) => item.kind !== "END_CUSTOMER");
  const accountOptions = [...billable];
  if (account.data && !accountOptions.some((item) => item.id === account.data.id)) accountOptions.unshift(account.data);

  const setLine = (index: number, change: Partial<LineValues>) =>
    setValues({
      ...values,
      lines: values.lines.map((line, position) => (position === index ? { ...line, ...change } : line)),
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      accountId: values.accountId,
      recipientAccountId: values.recipientAccountId || null,
      lines: values.lines.map(lineInputOf),
    };
    if (order) update.mutate({ id: order.id, ...input });
    else create.mutate({ idempotencyKey, ...input });
  }

  return (
    <>
      <PageHeader
        title={order ? `Edit ${order.number}` : "New order"}
        subtitle="Saved as a draft; “Execute Order” completes it like a Storefront checkout"
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <form onSubmit={submit} className="space-y-6" noValidate>
            {mutation.isError && <Alert tone="error">{apiErrorMessage(mutation.error)}</Alert>}
            <FormSection title="Account">
              <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                <TextField
                  label="Find an account"
                  type="search"
                  value={accountSearch}
                  onChange={setAccountSearch}
                  placeholder="Company name or number"
                />
                <SelectField
                  label="Billed account"
                  value={values.accountId}
                  onChange={(accountId) => setValues({ ...values, accountId, recipientAccountId: "" })}
                  placeholder="Choose a reseller or direct customer"
                  options={accountOptions.map((item) => ({
                    value: item.id,
                    label: `${item.companyName} (${item.number})`,
                  }))}
                  error={errors.accountId?.[0]}
                />
                {account.data?.kind === "RESELLER" && (
                  <SelectField
                    label="Recipient"
                    value={values.recipientAccountId}
                    onChange={(recipientAccountId) => setValues({ ...values, recipientAccountId })}
                    placeholder={`${account.data.companyName} itself`}
                    options={account.data.endCustomers.map((customer) => ({
                      value: customer.id,
                      label: customer.companyName,
                    }))}
                    error={errors.recipientAccountId?.[0]}
                  />
                )}
              </div>
            </FormSection>
            <FormSection title="Products">
              <div className="space-y-3">
                {values.lines.map((line, index) => (
                  <div key={index} className="grid grid-cols-1 items-end gap-3 sm:grid-cols-7">
                    <OrderLineFields
                      line={line}
                      index={index}
                      accountId={values.accountId}
                      errors={errors}
                      onChange={(change) => setLine(index, change)}
                    />
                    {values.lines.length > 1 && (
                      <Button
                        variant="ghost"
                        size="sm"
                        onClick={() =>
                          setValues({ ...values, lines: values.lines.filter((_, position) => position !== index) })
                        }
                      >
                        Remove
                      </Button>
                    )}
                  </div>
                ))}
                {errors.lines?.[0] && <p className="text-xs text-red-600">{errors.lines[0]}</p>}
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => setValues({ ...values, lines: [...values.lines, emptyLine] })}
                >
                  Add a product
                </Button>
              </div>
            </FormSection>
            <div className="flex justify-end gap-2">
              <Link to={order ? `/orders/${order.id}` : "/orders"}>
                <Button variant="secondary">Cancel</Button>
              </Link>
              <Button type="submit" loading={mutation.isPending}>
                Save draft
              </Button>
            </div>
          </form>
        </Card>
        {values.accountId && <BitTitanSyncCard accountId={values.accountId} />}
      </div>
    </>
  );
}
