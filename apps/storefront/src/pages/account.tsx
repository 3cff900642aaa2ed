import {
  AddressBlock,
  AddressFields,
  Alert,
  Badge,
  Button,
  Card,
  CompanyFields,
  Details,
  FormSection,
  Loading,
  PageHeader,
  TextField,
  apiErrorMessage,
  fieldErrorsOf,
  useAccountValues,
} from "@cm/ui";
import { changePassword, useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
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
          { label: "Tax id", value: account.taxId },
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

function EditAccount({ data, onDone }: { data: MyAccount; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { account } = data;
  const { company, setCompany, address, setAddress } = useAccountValues(account);
  const update = useMutation(
    trpc.storefront.account.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.storefront.account.me.queryKey() });
        onDone();
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const { companyName: _name, ...details } = company;
    update.mutate({ ...details, billingAddress: address });
  }

  return (
    <Card title="Edit account details">
      <form onSubmit={submit} className="space-y-6" noValidate>
        {update.isError && <Alert tone="error">{apiErrorMessage(update.error)}</Alert>}
        <FormSection title="Company" description="Your company name is managed by your distributor.">
          <CompanyFields value={company} onChange={setCompany} errors={errors} lockName />
        </FormSection>
        <FormSection title="Billing address">
          <AddressFields value={address} onChange={setAddress} errors={errors} />
        </FormSection>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Card>
  );
}

function ChangePassword() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next.length < 12) {
      setResult({ ok: false, message: "The new password must be at least 12 characters." });
      return;
    }
    setPending(true);
    // At a reseller's storefront the new session is bound to it too.
    const outcome = await changePassword("shop", current, next, storefrontHeaders);
    setPending(false);
    setResult(
      outcome.ok
        ? { ok: true, message: "Password changed. Other sessions were signed out." }
        : { ok: false, message: outcome.message },
    );
    if (outcome.ok) {
      setCurrent("");
      setNext("");
    }
  }

  return (
    <Card title="Password">
      <form onSubmit={submit} className="space-y-3" noValidate>
        {result && <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert>}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          hint="At least 10 characters."
        />
        <Button type="submit" variant="secondary" loading={pending}>
          Change password
        </Button>
      </form>
    </Card>
  );
}
