import {
  Alert,
  ApiForm,
  Badge,
  Button,
  Card,
  ContactInputs,
  SubmitButton,
  apiErrorMessage,
  emptyContact,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addContactInput } from "@cm/domain/schemas";
import { useState } from "react";
import { InvitationNotice } from "../../components/invitation-notice.tsx";
import { useCan } from "../../components/use-can.ts";

type AccountDetail = RouterOutputs["bss"]["account"]["get"];
type Contact = AccountDetail["contacts"][number];

export function ContactsCard({ account }: { account: AccountDetail }) {
  const [adding, setAdding] = useState(false);
  const can = useCan();
  return (
    <Card
      title={`Contacts (${account.contacts.length})`}
      actions={
        !adding &&
        can("accounts.edit") && (
          <Button size="sm" variant="secondary" onClick={() => setAdding(true)}>
            Add contact
          </Button>
        )
      }
    >
      <ul className="divide-y divide-slate-100">
        {account.contacts.map((contact) => (
          <ContactRow key={contact.id} contact={contact} />
        ))}
      </ul>
      {adding && <AddContactForm accountId={account.id} onDone={() => setAdding(false)} />}
    </Card>
  );
}

function useAccountMutationOptions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.bss.account.pathKey() }) };
}

function ContactRow({ contact }: { contact: Contact }) {
  const trpc = useTRPC();
  const options = useAccountMutationOptions();
  const [invitedTo, setInvitedTo] = useState<{ sentTo: string | null } | null>(null);
  const makePrimary = useMutation(trpc.bss.account.setPrimaryContact.mutationOptions(options));
  const remove = useMutation(trpc.bss.account.removeContact.mutationOptions(options));
  const revoke = useMutation(
    trpc.bss.account.revokeStorefrontLogin.mutationOptions({
      onSuccess: async () => {
        setInvitedTo(null);
        await options.onSuccess();
      },
    }),
  );
  const invited = {
    onSuccess: async (result: { invitationSentTo: string | null }) => {
      setInvitedTo({ sentTo: result.invitationSentTo });
      await options.onSuccess();
    },
  };
  const grant = useMutation(trpc.bss.account.grantStorefrontLogin.mutationOptions(invited));
  const resend = useMutation(trpc.bss.account.resendStorefrontInvitation.mutationOptions(invited));
  const error = makePrimary.error ?? remove.error ?? revoke.error ?? grant.error ?? resend.error;
  const can = useCan();

  return (
    <li className="py-3" data-testid={`contact-${contact.email}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm font-medium text-slate-900">
            {contact.firstName} {contact.lastName} {contact.isPrimary && <Badge tone="blue">Primary</Badge>}{" "}
            {contact.loginEmail ? (
              contact.loginPasswordSet === false ? (
                <Badge tone="yellow">Storefront login: invited</Badge>
              ) : (
                <Badge tone="green">Storefront login</Badge>
              )
            ) : null}
          </p>
          <p className="text-sm text-slate-500">
            {contact.email}
            {contact.phone && <> · {contact.phone}</>}
            {contact.jobTitle && <> · {contact.jobTitle}</>}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {!contact.isPrimary && can("accounts.edit") && (
            <Button
              size="sm"
              variant="ghost"
              loading={makePrimary.isPending}
              onClick={() => makePrimary.mutate({ id: contact.id })}
            >
              Make primary
            </Button>
          )}
          {can("accounts.logins") && contact.loginEmail && contact.loginPasswordSet === false && (
            <Button
              size="sm"
              variant="ghost"
              loading={resend.isPending}
              onClick={() => resend.mutate({ id: contact.id })}
            >
              Resend invitation
            </Button>
          )}
          {!can("accounts.logins") ? null : contact.loginEmail ? (
            <Button
              size="sm"
              variant="ghost"
              loading={revoke.isPending}
              onClick={() => revoke.mutate({ id: contact.id })}
            >
              Remove login
            </Button>
          ) : (
            <Button
              size="sm"
              variant="ghost"
              loading={grant.isPending}
              onClick={() => grant.mutate({ contactId: contact.id })}
            >
              Invite to the Storefront
            </Button>
          )}
          {!contact.isPrimary && can("accounts.edit") && (
            <Button
              size="sm"
              variant="ghost"
              loading={remove.isPending}
              onClick={() => remove.mutate({ id: contact.id })}
            >
              Remove
            </Button>
          )}
        </div>
      </div>
      {invitedTo && (
        <div className="mt-2">
          <InvitationNotice sentTo={invitedTo.sentTo} template="Storefront invitation" />
        </div>
      )}
      {error && (
        <div className="mt-2">
          <Alert tone="error">{apiErrorMessage(error)}</Alert>
        </div>
      )}
    </li>
  );
}

const newContactInput = addContactInput.omit({ accountId: true });

function AddContactForm({ accountId, onDone }: { accountId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const options = useAccountMutationOptions();
  const form = useZodForm(newContactInput, { defaultValues: emptyContact });
  const [idempotencyKey] = useState(newIdempotencyKey);
  const add = useMutation(
    trpc.bss.account.addContact.mutationOptions({
      onSuccess: async () => {
        await options.onSuccess();
        onDone();
      },
    }),
  );
  const onSubmit = useSubmit(form, (values) => add.mutateAsync({ accountId, idempotencyKey, ...values }));

  return (
    <ApiForm
      form={form}
      onSubmit={onSubmit}
      error={add.error}
      guard={false}
      className="mt-4 space-y-4 border-t border-slate-200 pt-4"
    >
      <h3 className="text-sm font-semibold">New contact</h3>
      <ContactInputs control={form.control} prefix="" />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <SubmitButton form={form}>Add contact</SubmitButton>
      </div>
    </ApiForm>
  );
}
