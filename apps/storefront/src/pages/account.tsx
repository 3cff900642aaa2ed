import {
  AddressBlock,
  AddressInputs,
  Alert,
  ApiForm,
  Badge,
  Button,
  Card,
  CompanyInputs,
  Details,
  FormSection,
  FormTextField,
  Loading,
  PageHeader,
  SubmitButton,
  addressValuesOf,
  apiErrorMessage,
  changePasswordSchema,
  companyValuesOf,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { changePassword, useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { companyInput, updateMyAccountInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { storefrontHeaders } from "../reseller-storefront.ts";

type MyAccount = RouterOutputs["storefront"]["account"]["me"];

const KIND_LABEL = {
  RESELLER: "Reseller",
  DIRECT_CUSTOMER: "Direct customer",
  END_CUSTOMER: "End-customer",
  DISTRIBUTOR: "Distributor",
} as const;

export function AccountPage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.storefront.account.me.queryOptions());
  const [editing, setEditing] = useState(false);
  if (me.isPending) return <Loading />;
  if (me.isError) return <Alert tone="error">{apiErrorMessage(me.error)}</Alert>;
  const { account } = me.data;
  return (
    <>
      <PageHeader
        title="My account"
        subtitle={
          <span className="flex items-center gap-2">
            <span className="font-mono">{account.number}</span> <Badge tone="purple">{KIND_LABEL[account.kind]}</Badge>
          </span>
        }
        actions={
          !editing && (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit details
            </Button>
          )
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {editing ? (
            <EditAccount data={me.data} onDone={() => setEditing(false)} />
          ) : (
            <AccountSummary data={me.data} />
          )}
        </div>
        <div className="space-y-6">
          <Card title="Contacts">
            <ul className="space-y-2 text-sm">
              {account.contacts.map((contact) => (
                <li key={contact.id}>
                  <p className="font-medium">
                    {contact.firstName} {contact.lastName} {contact.isPrimary && <Badge tone="blue">Primary</Badge>}
                  </p>
                  <p className="text-slate-500">{contact.email}</p>
                </li>
              ))}
            </ul>
          </Card>
          <ChangePassword />
        </div>
      </div>
    </>
  );
}

function AccountSummary({ data }: { data: MyAccount }) {
  const { account } = data;
  const address = account.billingAddress;
  return (
    <Card title={account.companyName}>
      <Details
        items={[
          { label: "Company email", value: account.email },
          { label: "Phone", value: account.phone },
          { label: "VAT number", value: account.taxId },
          { label: "Website", value: account.website },
          { label: "Currency", value: account.currency },
          {
            label: "Billing address",
            value: <AddressBlock address={address} />,
          },
        ]}
      />
    </Card>
  );
}

/** The account form's values: the procedure's input, and the company name it shows but may not change. */
const accountForm = updateMyAccountInput.extend(companyInput.pick({ companyName: true }).shape);

function EditAccount({ data, onDone }: { data: MyAccount; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { account } = data;
  const update = useMutation(
    trpc.storefront.account.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.storefront.account.me.queryKey() });
        onDone();
      },
    }),
  );
  const form = useZodForm(accountForm, {
    defaultValues: { ...companyValuesOf(account), billingAddress: addressValuesOf(account.billingAddress) },
  });
  const onSubmit = useSubmit(form, async (values) => {
    const { companyName: _name, ...details } = values;
    await update.mutateAsync(details);
    form.reset(values);
  });

  return (
    <Card title="Edit account details">
      <ApiForm form={form} onSubmit={onSubmit} error={update.error} className="space-y-6">
        <FormSection title="Company" description="Your company name is managed by your distributor.">
          <CompanyInputs control={form.control} lockName />
        </FormSection>
        <FormSection title="Billing address">
          <AddressInputs control={form.control} />
        </FormSection>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <SubmitButton form={form} pending={update.isPending} showDirty>
            Save
          </SubmitButton>
        </div>
      </ApiForm>
    </Card>
  );
}

function ChangePassword() {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const form = useZodForm(changePasswordSchema, { defaultValues: { currentPassword: "", newPassword: "" } });
  const onSubmit = useSubmit(form, async ({ currentPassword, newPassword }) => {
    setResult(null);
    // At a reseller's storefront the new session is bound to it too.
    const outcome = await changePassword("shop", currentPassword, newPassword, storefrontHeaders);
    setResult(
      outcome.ok
        ? { ok: true, message: "Password changed. Other sessions were signed out." }
        : { ok: false, message: outcome.message },
    );
    if (outcome.ok) form.reset();
  });

  return (
    <Card title="Password">
      <ApiForm form={form} onSubmit={onSubmit} guard={false} className="space-y-3">
        {result && <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert>}
        <FormTextField
          control={form.control}
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
        />
        <FormTextField
          control={form.control}
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters."
        />
        <Button type="submit" variant="secondary" loading={form.formState.isSubmitting}>
          Change password
        </Button>
      </ApiForm>
    </Card>
  );
}
