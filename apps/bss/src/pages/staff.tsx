import {
  Alert,
  Badge,
  Button,
  Card,
  FormGrid,
  Loading,
  PageHeader,
  SelectField,
  Table,
  TextField,
  apiErrorMessage,
  fieldErrorsOf,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { InvitationNotice } from "../components/invitation-notice.tsx";
import { ROLE_LABELS, type StaffRole } from "../components/use-can.ts";

export function StaffPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.bss.staff.me.queryOptions());
  const staff = useQuery(trpc.bss.staff.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bss.staff.list.queryKey() });
  const [invitation, setInvitation] = useState<{ sentTo: string | null } | null>(null);
  const setActive = useMutation(trpc.bss.staff.setActive.mutationOptions({ onSuccess: refresh }));
  const resend = useMutation(
    trpc.bss.staff.resendInvitation.mutationOptions({
      onSuccess: async (result) => {
        setInvitation({ sentTo: result.invitationSentTo });
        await refresh();
      },
    }),
  );
  if (staff.isPending) return <Loading />;
  if (staff.isError) return <Alert tone="error">{apiErrorMessage(staff.error)}</Alert>;
  return (
    <>
      <PageHeader title="Staff users" subtitle="Who can sign in to the back office, and with which role" />
      <div className="space-y-6">
        {setActive.isError && <Alert tone="error">{apiErrorMessage(setActive.error)}</Alert>}
        {resend.isError && <Alert tone="error">{apiErrorMessage(resend.error)}</Alert>}
        {invitation && <InvitationNotice sentTo={invitation.sentTo} template="Staff invitation" />}
        <Table
          rows={staff.data}
          rowKey={(row) => row.id}
          columns={[
            { header: "Name", cell: (row) => row.name },
            { header: "Email", cell: (row) => row.email },
            {
              header: "Role",
              cell: (row) => <Badge tone={row.role === "ADMIN" ? "purple" : "gray"}>{ROLE_LABELS[row.role]}</Badge>,
            },
            {
              header: "Status",
              cell: (row) =>
                !row.active ? (
                  <Badge>Deactivated</Badge>
                ) : row.passwordSet ? (
                  <Badge tone="green">Active</Badge>
                ) : (
                  <Badge tone="yellow">Invited</Badge>
                ),
            },
            {
              header: "",
              cell: (row) => (
                <div className="flex justify-end gap-2">
                  {row.active && !row.passwordSet && (
                    <Button
                      size="sm"
                      variant="ghost"
                      loading={resend.isPending && resend.variables.id === row.id}
                      onClick={() => resend.mutate({ id: row.id })}
                    >
                      Resend invitation
                    </Button>
                  )}
                  {row.id !== me.data?.userId && (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setActive.mutate({ id: row.id, active: !row.active })}
                    >
                      {row.active ? "Deactivate" : "Reactivate"}
                    </Button>
                  )}
                </div>
              ),
            },
          ]}
        />
        <NewStaffUser onInvited={(sentTo) => setInvitation({ sentTo })} />
      </div>
    </>
  );
}

function NewStaffUser({ onInvited }: { onInvited: (sentTo: string | null) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const empty = { name: "", email: "", role: "SALES" as StaffRole };
  const [form, setForm] = useState(empty);
  const [idempotencyKey, setKey] = useState(newIdempotencyKey);
  const create = useMutation(
    trpc.bss.staff.create.mutationOptions({
      onSuccess: async (result) => {
        onInvited(result.invitationSentTo);
        setForm(empty);
        setKey(newIdempotencyKey());
        await queryClient.invalidateQueries({ queryKey: trpc.bss.staff.list.queryKey() });
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ ...form, idempotencyKey });
  }

  return (
    <Card title="Invite a staff user">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {create.isError && <Alert tone="error">{apiErrorMessage(create.error)}</Alert>}
        <FormGrid>
          <TextField label="Name" value={form.name} onChange={set("name")} error={errors.name?.[0]} />
          <TextField label="Email" type="email" value={form.email} onChange={set("email")} error={errors.email?.[0]} />
          <SelectField
            label="Role"
            value={form.role}
            onChange={set("role")}
            options={[
              {
                value: "SALES",
                label: "Sales: accounts, orders, assets and subscriptions; no refunds, invoices or catalog",
              },
              { value: "SUPPORT", label: "Support: sees everything, changes nothing" },
              { value: "ADMIN", label: "Admin: everything, including setup" },
            ]}
          />
        </FormGrid>
        <div className="flex justify-end">
          <Button type="submit" loading={create.isPending}>
            Send invitation
          </Button>
        </div>
      </form>
    </Card>
  );
}
