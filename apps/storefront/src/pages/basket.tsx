import {
  AddressInputs,
  Alert,
  ApiForm,
  Button,
  Card,
  CompanyInputs,
  ContactInputs,
  EmptyState,
  FormNumberField,
  FormSection,
  FormTextField,
  Loading,
  PageHeader,
  RequiredLegend,
  SelectField,
  SubmitButton,
  apiErrorMessage,
  emptyAddress,
  emptyCompany,
  emptyContact,
  formLevelMessages,
  formatMoney,
  useServerErrors,
  useSubmit,
  useZodForm,
  plusTax,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { updateBasketLineInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { Link, useNavigate } from "react-router";
import { endCustomerForm } from "./end-customer-new.tsx";
import { SyncNotice } from "../components/sync-notice.tsx";
import { Totals } from "../components/totals.tsx";
import { PlanLineCard } from "../plans/plan-line-card.tsx";

type Basket = RouterOutputs["storefront"]["basket"]["get"];
type Line = Basket["lines"][number];

/** My Basket: checkout step 1. */
export function BasketPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const basket = useQuery(trpc.storefront.basket.get.queryOptions());
  // Each line's "save what was typed now"; Checkout runs them all before it leaves.
  const savers = useRef(new Map<string, () => Promise<boolean>>());
  const [leaving, setLeaving] = useState(false);
  const me = useQuery(trpc.storefront.account.me.queryOptions());
  if (basket.isPending || me.isPending) return <Loading />;
  if (basket.isError) return <Alert tone="error">{apiErrorMessage(basket.error)}</Alert>;
  const data = basket.data;
  const isReseller = me.data?.account.kind === "RESELLER";
  const blocked = data.lines.some((line) => line.problem) || data.needsSynchronization || !!data.checkoutBlocked;
  const hasLicenses = data.lines.some((line) => line.kind === "product");
  const checkout = async () => {
    setLeaving(true);
    const saved = await Promise.all([...savers.current.values()].map((save) => save()));
    setLeaving(false);
    if (saved.every(Boolean)) void navigate("/checkout");
  };

  return (
    <>
      <PageHeader title="My Basket" subtitle="Step 1 of 2: licenses, asset names and for whom the order is" />
      {data.needsSynchronization && (
        <div className="mb-6">
          <SyncNotice />
        </div>
      )}
      {data.checkoutBlocked && (
        <div className="mb-6">
          <Alert tone="warning">{data.checkoutBlocked}</Alert>
        </div>
      )}
      {data.lines.length === 0 ? (
        <EmptyState title="Your basket is empty">
          <Link to="/" className="text-brand-700 hover:underline">
            Browse the BitTitan licenses
          </Link>
        </EmptyState>
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <div className="space-y-4 lg:col-span-2">
            {/* The lines are saved as typed, without a form of their own: one legend for their marks. */}
            {hasLicenses && <RequiredLegend />}
            {data.lines.map((line) =>
              line.kind === "plan" ? (
                <PlanLineCard key={line.id} line={line} currency={data.currency} />
              ) : (
                <BasketLineCard key={line.id} line={line} currency={data.currency} savers={savers.current} />
              ),
            )}
            {isReseller && hasLicenses && <RecipientCard basket={data} />}
          </div>
          {/* Its natural height beside the lines, not stretched to theirs. */}
          <div className="self-start">
            <Card title="Total payable">
              <Totals totals={data.totals} currency={data.currency} taxMention={data.taxMention} />
              <p className="mt-3 text-sm text-slate-600">
                For: <strong data-testid="recipient">{data.recipient.companyName}</strong>
              </p>
              <Button className="mt-4 w-full" disabled={blocked} loading={leaving} onClick={() => void checkout()}>
                Checkout
              </Button>
            </Card>
          </div>
        </div>
      )}
    </>
  );
}

/** A line's form: the update procedure's input without the line's id. */
const lineForm = updateBasketLineInput.omit({ lineId: true });

function BasketLineCard({
  line,
  currency,
  savers,
}: {
  line: Line;
  currency: string;
  savers: Map<string, () => Promise<boolean>>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(lineForm, { defaultValues: { quantity: line.quantity, assetName: line.assetName ?? "" } });
  const { reset, trigger, clearErrors } = form;
  useEffect(() => {
    reset({ quantity: line.quantity, assetName: line.assetName ?? "" });
  }, [reset, line.quantity, line.assetName]);
  const onSuccess = (basket: Basket) => queryClient.setQueryData(trpc.storefront.basket.get.queryKey(), basket);
  const update = useMutation(trpc.storefront.basket.updateLine.mutationOptions({ onSuccess }));
  const remove = useMutation(trpc.storefront.basket.removeLine.mutationOptions({ onSuccess }));
  useServerErrors(form, update.error);
  // What the fields don't say of a refused save (the line is gone, the product withdrawn).
  const refusal = formLevelMessages(update.error, (path) =>
    path === "quantity" || path === "assetName" ? path : undefined,
  ).join(" ");
  const [quantity, assetName] = useWatch({ control: form.control, name: ["quantity", "assetName"] });
  const dirty = quantity !== line.quantity || assetName !== (line.assetName ?? "");

  // Saved as soon as the customer pauses typing, so the totals follow the quantity.
  useEffect(() => {
    if (!dirty) {
      clearErrors();
      return;
    }
    const timer = setTimeout(() => {
      void trigger().then((valid) => {
        if (valid) update.mutate({ lineId: line.id, quantity, assetName });
      });
    }, 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the mutation object changes every render
  }, [quantity, assetName, dirty, line.id]);

  // What was typed is saved now, not after the pause, when the customer goes on
  // (Checkout waits for it; leaving the page otherwise sends it on the way out).
  const saveNow = useRef<() => Promise<boolean>>(async () => true);
  saveNow.current = async () => {
    const values = form.getValues();
    if (values.quantity === line.quantity && values.assetName === (line.assetName ?? "")) return true;
    if (!(await trigger())) return false;
    return update.mutateAsync({ lineId: line.id, ...values }).then(
      () => true,
      () => false,
    );
  };
  useEffect(() => {
    const save = () => saveNow.current();
    savers.set(line.id, save);
    return () => {
      savers.delete(line.id);
      void save();
    };
  }, [savers, line.id]);

  return (
    <Card
      title={line.productName}
      actions={
        <Button size="sm" variant="ghost" onClick={() => remove.mutate({ lineId: line.id })} loading={remove.isPending}>
          Remove
        </Button>
      }
    >
      {line.problem && <Alert tone="error">{line.problem}: remove it to continue.</Alert>}
      {refusal && <Alert tone="error">{refusal}</Alert>}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <FormNumberField
          control={form.control}
          name="quantity"
          label="Quantity"
          min={1}
          max={10000}
          inputMode="numeric"
        />
        <div className="sm:col-span-2">
          <FormTextField
            control={form.control}
            name="assetName"
            label="Asset name"
            hint="A friendly name for the licenses (defaults to the product name)."
          />
        </div>
      </div>
      <p className="mt-3 text-sm text-slate-600" data-testid="line-total">
        {line.unitPrice
          ? `${line.quantity} × ${formatMoney(line.unitPrice, currency)} = ${formatMoney(line.net, currency)} ${plusTax(line.taxRate, line.taxRegime)}`
          : ""}
      </p>
    </Card>
  );
}

function RecipientCard({ basket }: { basket: Basket }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endCustomers = useQuery(trpc.storefront.endCustomer.list.queryOptions({ page: 1, pageSize: 100 }));
  const [creating, setCreating] = useState(false);
  const setRecipient = useMutation(
    trpc.storefront.basket.setRecipient.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.storefront.basket.get.queryKey(), next),
    }),
  );
  const value = basket.recipient.isBuyer ? "" : basket.recipient.id;
  return (
    <Card title="For whom is this order?">
      {setRecipient.isError && <Alert tone="error">{apiErrorMessage(setRecipient.error)}</Alert>}
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-80">
          <SelectField
            label="Order for"
            value={value}
            onChange={(id) => setRecipient.mutate({ recipientAccountId: id || null })}
            placeholder="Myself (my company)"
            options={(endCustomers.data?.items ?? []).map((customer) => ({
              value: customer.id,
              label: customer.companyName,
            }))}
          />
        </div>
        {!creating && (
          <Button variant="secondary" onClick={() => setCreating(true)}>
            New end-customer…
          </Button>
        )}
      </div>
      {creating && (
        <NewEndCustomer
          onCreated={(id) => {
            setCreating(false);
            void queryClient.invalidateQueries({ queryKey: trpc.storefront.endCustomer.pathKey() });
            setRecipient.mutate({ recipientAccountId: id });
          }}
          onCancel={() => setCreating(false)}
        />
      )}
    </Card>
  );
}

function NewEndCustomer({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useMutation(
    trpc.storefront.endCustomer.create.mutationOptions({ onSuccess: (created) => onCreated(created.id) }),
  );
  const form = useZodForm(endCustomerForm, {
    defaultValues: { ...emptyCompany, billingAddress: emptyAddress, primaryContact: emptyContact },
  });
  const onSubmit = useSubmit(form, (values) => create.mutateAsync({ idempotencyKey, ...values }));
  return (
    <ApiForm
      form={form}
      onSubmit={onSubmit}
      error={create.error}
      guard={false}
      className="mt-5 space-y-5 border-t border-slate-200 pt-5"
    >
      <FormSection title="New end-customer">
        <CompanyInputs control={form.control} />
      </FormSection>
      <FormSection title="Address">
        <AddressInputs control={form.control} />
      </FormSection>
      <FormSection title="Primary contact" description="Receives the welcome email with the coupon code.">
        <ContactInputs control={form.control} />
      </FormSection>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <SubmitButton form={form} pending={create.isPending}>
          Create and choose
        </SubmitButton>
      </div>
    </ApiForm>
  );
}
