import {
  Alert,
  ApiForm,
  Badge,
  Button,
  Card,
  FormGrid,
  FormSelectField,
  FormTextField,
  Loading,
  PageHeader,
  SubmitButton,
  Table,
  apiErrorMessage,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { inviteStaffUserInput, type InviteStaffUserInput } from "@cm/domain/schemas";
import { useState } from "react";
import { InvitationNotice } from "../components/invitation-notice.tsx";
import { ROLE_LABELS } from "../components/use-can.ts";

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

const emptyInvitation: InviteStaffUserInput = { name: "", email: "", role: "SALES" };

function NewStaffUser({ onInvited }: { onInvited: (sentTo: string | null) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(inviteStaffUserInput, { defaultValues: emptyInvitation });
  const [idempotencyKey, setKey] = useState(newIdempotencyKey);
  const create = useMutation(trpc.bss.staff.create.mutationOptions());
  const onSubmit = useSubmit(form, async (values) => {
    const result = await create.mutateAsync({ ...values, idempotencyKey });
    onInvited(result.invitationSentTo);
    form.reset(emptyInvitation);
    setKey(newIdempotencyKey());
    await queryClient.invalidateQueries({ queryKey: trpc.bss.staff.list.queryKey() });
  });

  return (
    <Card title="Invite a staff user">
      <ApiForm form={form} onSubmit={onSubmit} error={create.error} className="space-y-4">
        <FormGrid>
          <FormTextField control={form.control} name="name" label="Name" />
          <FormTextField control={form.control} name="email" label="Email" type="email" />
          <FormSelectField
            control={form.control}
            name="role"
            label="Role"
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
          <SubmitButton form={form}>Send invitation</SubmitButton>
        </div>
      </ApiForm>
    </Card>
  );
}
