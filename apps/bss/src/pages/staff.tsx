import { Alert, Badge, Button, Card, FormGrid, Loading, PageHeader, SelectField, Table, TextField, apiErrorMessage, fieldErrorsOf } from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ROLE_LABELS, type StaffRole } from "../components/use-can.ts";

export function StaffPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.bss.staff.me.queryOptions());
  const staff = useQuery(trpc.bss.staff.list.queryOptions());
  const setActive = useMutation(
    trpc.bss.staff.setActive.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.bss.staff.list.queryKey() }) }),
  );
  if (staff.isPending) return <Loading />;
  if (staff.isError) return <Alert tone="error">{apiErrorMessage(staff.error)}</Alert>;
  return (
    <>
      <PageHeader title="Staff users" subtitle="Who can sign in to the back office, and with which role" />
      <div className="space-y-6">
        {setActive.isError && <Alert tone="error">{apiErrorMessage(setActive.error)}</Alert>}
        <Table
          rows={staff.data}
          rowKey={(row) => row.id}
          columns={[
            { header: "Name", cell: (row) => row.name },
            { header: "Email", cell: (row) => row.email },
            { header: "Role", cell: (row) => <Badge tone={row.role === "ADMIN" ? "purple" : "gray"}>{ROLE_LABELS[row.role]}</Badge> },
            { header: "Status", cell: (row) => (row.active ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>) },
            {
              header: "",
              cell: (row) =>
                row.id !== me.data?.userId && (
                  <Button size="sm" variant="ghost" onClick={() => setActive.mutate({ id: row.id, active: !row.active })}>
                    {row.active ? "Deactivate" : "Reactivate"}
                  </Button>
                ),
            },
          ]}
        />
        <NewStaffUser />
      </div>
    </>
  );
}

function NewStaffUser() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const empty = { name: "", email: "", role: "SALES" as StaffRole, password: "" };
  const [form, setForm] = useState(empty);
  const [idempotencyKey, setKey] = useState(newIdempotencyKey);
  const create = useMutation(
    trpc.bss.staff.create.mutationOptions({
      onSuccess: async () => {
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
    <Card title="Add a staff user">
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
              { value: "SALES", label: "Sales: accounts, orders, assets and subscriptions; no refunds, invoices or catalog" },
              { value: "SUPPORT", label: "Support: sees everything, changes nothing" },
              { value: "ADMIN", label: "Admin: everything, including setup" },
            ]}
          />
          <TextField label="Initial password" type="password" autoComplete="new-password" value={form.password} onChange={set("password")} error={errors.password?.[0]} />
        </FormGrid>
        <div className="flex justify-end">
          <Button type="submit" loading={create.isPending}>
            Add staff user
          </Button>
        </div>
      </form>
    </Card>
  );
}
