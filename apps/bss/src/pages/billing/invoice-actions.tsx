import type { RouterInputs, RouterOutputs } from "@cm/domain/client";
import {
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  recordPaymentInput,
  recordRefundInput,
  voidInvoiceInput,
} from "@cm/domain/schemas";
import {
  ApiForm,
  Button,
  Card,
  Confirm,
  FormGrid,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
  SubmitButton,
  formatDay,
  formatMoney,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Amounts } from "./amounts.ts";

type Invoice = RouterOutputs["bss"]["invoice"]["get"];
type PaymentValues = Omit<RouterInputs["bss"]["invoice"]["recordPayment"], "idempotencyKey">;
type RefundValues = Omit<RouterInputs["bss"]["invoice"]["recordRefund"], "idempotencyKey">;
type VoidValues = RouterInputs["bss"]["invoice"]["void"];

/** Today in the staff member's own calendar, as a date input gives it. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const methodOptions = PAYMENT_METHODS.map((method) => ({ value: method, label: PAYMENT_METHOD_LABELS[method] }));

export type InvoiceAction = "payment" | "refund" | "void";

/** Which actions an invoice offers: each only where it is allowed, and none on a reseller's invoice (read-only). */
export function actionsOf(invoice: Pick<Invoice, "kind" | "state" | "amountDue" | "issuer">): InvoiceAction[] {
  const actions: InvoiceAction[] = [];
  if (!invoice.issuer.isDistributor) return actions;
  if (invoice.kind === "INVOICE" && invoice.state !== "VOID" && invoice.amountDue !== "0.00") actions.push("payment");
  if (invoice.kind === "CREDIT" && invoice.state === "REFUND_DUE") actions.push("refund");
  // Only an open invoice is voided: one with a payment needs a credit, a credited one is settled by it.
  if (invoice.kind === "INVOICE" && invoice.state === "OPEN") actions.push("void");
  return actions;
}

const ACTION_LABELS: Record<InvoiceAction, string> = {
  payment: "Record payment",
  refund: "Mark refunded",
  void: "Void",
};

/** The buttons, for staff who may manage invoices. */
export function InvoiceActionButtons({
  invoice,
  open,
  onOpen,
}: {
  invoice: Invoice;
  open: InvoiceAction | null;
  onOpen: (action: InvoiceAction) => void;
}) {
  // While one is open (its form below), the others wait.
  if (open) return null;
  return actionsOf(invoice).map((action) => (
    <Button key={action} size="sm" variant={action === "void" ? "ghost" : "primary"} onClick={() => onOpen(action)}>
      {ACTION_LABELS[action]}
    </Button>
  ));
}

/** The open action's form, then its confirmation. */
export function InvoiceActionPanel({
  invoice,
  open,
  onDone,
}: {
  invoice: Invoice;
  open: InvoiceAction | null;
  onDone: () => void;
}) {
  if (open === "payment") return <RecordPaymentCard invoice={invoice} onDone={onDone} />;
  if (open === "refund") return <RecordRefundCard invoice={invoice} onDone={onDone} />;
  if (open === "void") return <VoidCard invoice={invoice} onDone={onDone} />;
  return null;
}

function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.bss.pathKey() });
}

function RecordPaymentCard({ invoice, onDone }: { invoice: Invoice; onDone: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const record = useMutation(trpc.bss.invoice.recordPayment.mutationOptions({ onSuccess: invalidate }));
  const form = useZodForm(recordPaymentInput, {
    defaultValues: {
      invoiceId: invoice.id,
      amount: invoice.amountDue,
      receivedOn: today(),
      method: "BANK_TRANSFER",
      reference: "",
    } satisfies PaymentValues,
  });
  const [asking, setAsking] = useState<{ values: PaymentValues; key: string } | null>(null);
  const onSubmit = useSubmit(form, async (values) => setAsking({ values, key: newIdempotencyKey() }));
  const money = (amount: string) => formatMoney(amount, invoice.currency);
  if (asking) {
    const left = Amounts.minus(invoice.amountDue, asking.values.amount);
    return (
      <div>
        <Confirm
          title={`Record a payment of ${money(Amounts.cents(asking.values.amount))} for ${invoice.number}?`}
          confirmLabel="Yes, record it"
          pending={record.isPending}
          onConfirm={() =>
            record.mutate(
              { ...asking.values, idempotencyKey: asking.key },
              { onSuccess: onDone, onError: () => setAsking(null) },
            )
          }
          onBack={() => setAsking(null)}
        >
          Records that {invoice.account.companyName} paid {money(Amounts.cents(asking.values.amount))} on{" "}
          {formatDay(asking.values.receivedOn)} ({PAYMENT_METHOD_LABELS[asking.values.method]}).{" "}
          {Amounts.isZero(left)
            ? `${invoice.number} is then paid in full.`
            : `${money(left)} of ${invoice.number} stays due.`}
        </Confirm>
      </div>
    );
  }
  return (
    <Card title={`Record a payment for ${invoice.number}`}>
      <ApiForm form={form} onSubmit={onSubmit} error={record.error} className="space-y-4" aria-label="Record payment">
        <FormGrid>
          <FormTextField
            control={form.control}
            name="amount"
            label={`Amount (${invoice.currency})`}
            inputMode="decimal"
            hint={`${money(invoice.amountDue)} is due`}
          />
          <FormTextField control={form.control} name="receivedOn" label="Received on" type="date" />
          <FormSelectField control={form.control} name="method" label="Method" options={methodOptions} />
          <FormTextField
            control={form.control}
            name="reference"
            label="Reference"
            hint="The bank's reference, optional"
          />
        </FormGrid>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <SubmitButton form={form}>Record payment</SubmitButton>
        </div>
      </ApiForm>
    </Card>
  );
}

function RecordRefundCard({ invoice, onDone }: { invoice: Invoice; onDone: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const record = useMutation(trpc.bss.invoice.recordRefund.mutationOptions({ onSuccess: invalidate }));
  const form = useZodForm(recordRefundInput, {
    defaultValues: {
      creditNoteId: invoice.id,
      amount: invoice.refundDue,
      refundedOn: today(),
      method: "BANK_TRANSFER",
      reference: "",
    } satisfies RefundValues,
  });
  const [asking, setAsking] = useState<{ values: RefundValues; key: string } | null>(null);
  const onSubmit = useSubmit(form, async (values) => setAsking({ values, key: newIdempotencyKey() }));
  const money = (amount: string) => formatMoney(amount, invoice.currency);
  if (asking) {
    const left = Amounts.minus(invoice.refundDue, asking.values.amount);
    return (
      <div>
        <Confirm
          title={`Record a refund of ${money(Amounts.cents(asking.values.amount))} for ${invoice.number}?`}
          confirmLabel="Yes, refunded"
          pending={record.isPending}
          onConfirm={() =>
            record.mutate(
              { ...asking.values, idempotencyKey: asking.key },
              { onSuccess: onDone, onError: () => setAsking(null) },
            )
          }
          onBack={() => setAsking(null)}
        >
          Records that {money(Amounts.cents(asking.values.amount))} was paid back to {invoice.account.companyName} on{" "}
          {formatDay(asking.values.refundedOn)} ({PAYMENT_METHOD_LABELS[asking.values.method]}).{" "}
          {Amounts.isZero(left) ? "Nothing is then due back." : `${money(left)} stays due back.`}
        </Confirm>
      </div>
    );
  }
  return (
    <Card title={`Mark ${invoice.number} refunded`}>
      <ApiForm form={form} onSubmit={onSubmit} error={record.error} className="space-y-4" aria-label="Mark refunded">
        <FormGrid>
          <FormTextField
            control={form.control}
            name="amount"
            label={`Amount (${invoice.currency})`}
            inputMode="decimal"
            hint={`${money(invoice.refundDue)} is due back (what had been paid)`}
          />
          <FormTextField control={form.control} name="refundedOn" label="Paid back on" type="date" />
          <FormSelectField control={form.control} name="method" label="Method" options={methodOptions} />
          <FormTextField control={form.control} name="reference" label="Reference" hint="Optional" />
        </FormGrid>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <SubmitButton form={form}>Mark refunded</SubmitButton>
        </div>
      </ApiForm>
    </Card>
  );
}

function VoidCard({ invoice, onDone }: { invoice: Invoice; onDone: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const voiding = useMutation(trpc.bss.invoice.void.mutationOptions({ onSuccess: invalidate }));
  const form = useZodForm(voidInvoiceInput, { defaultValues: { id: invoice.id, reason: "" } satisfies VoidValues });
  const [asking, setAsking] = useState<VoidValues | null>(null);
  const onSubmit = useSubmit(form, async (values) => setAsking(values));
  if (asking) {
    return (
      <div>
        <Confirm
          title={`Void ${invoice.number}?`}
          confirmLabel="Yes, void it"
          danger
          pending={voiding.isPending}
          onConfirm={() => voiding.mutate(asking, { onSuccess: onDone, onError: () => setAsking(null) })}
          onBack={() => setAsking(null)}
        >
          {invoice.account.companyName} no longer owes its {formatMoney(invoice.gross, invoice.currency)}, and its
          assets can't be credited any more. The reason is kept in the invoice's history: “{asking.reason.trim()}”. This
          can't be undone.
        </Confirm>
      </div>
    );
  }
  return (
    <Card title={`Void ${invoice.number}`}>
      <ApiForm form={form} onSubmit={onSubmit} error={voiding.error} className="space-y-4" aria-label="Void invoice">
        <FormTextAreaField
          control={form.control}
          name="reason"
          label="Reason"
          hint="Why the invoice was issued in error; kept in its history"
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <SubmitButton form={form} variant="danger">
            Void
          </SubmitButton>
        </div>
      </ApiForm>
    </Card>
  );
}
