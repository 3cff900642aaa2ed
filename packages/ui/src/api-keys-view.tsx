import { API_SCOPE_LABELS, API_SCOPES, createApiKeyInput, type CreateApiKeyInput } from "@cm/domain/schemas";
import { useState } from "react";
import { useController, type Control } from "react-hook-form";
import { Button } from "./button.tsx";
import { Confirm } from "./confirm.tsx";
import { Alert, Badge, EmptyState } from "./feedback.tsx";
import { apiErrorMessage } from "./api-errors.ts";
import { FormListMessage, FormTextField } from "./bound-fields.tsx";
import { FormGrid, SelectField } from "./form.tsx";
import { ApiForm, SubmitButton, useSubmit, useZodForm } from "./forms.tsx";
import { Card } from "./layout.tsx";
import { Table } from "./table.tsx";
import { CodeChoices, SecretShownOnce } from "./secret-shown-once.tsx";
import { formatDateTime } from "./format.ts";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  state: "ACTIVE" | "EXPIRED" | "REVOKED";
}

const STATE_BADGES = {
  ACTIVE: <Badge tone="green">Active</Badge>,
  EXPIRED: <Badge tone="yellow">Expired</Badge>,
  REVOKED: <Badge>Revoked</Badge>,
};

/**
 * The API keys page of both apps (Setup > API keys in the BSS, a Standard
 * reseller's API keys in the Storefront): the keys with their last use, a new
 * key whose secret is shown once, and revoking after a confirmation.
 */
export function ApiKeysView({
  keys,
  scopeNote,
  create,
  createError,
  revoke,
  revokeError,
}: {
  keys: ApiKeyRow[];
  /** What the keys can reach (the distributor's data, or the reseller's own account tree). */
  scopeNote: string;
  create: (values: CreateApiKeyInput) => Promise<{ secret: string; key: { name: string } }>;
  createError: unknown;
  revoke: (id: string) => Promise<unknown>;
  revokeError: unknown;
}) {
  const [created, setCreated] = useState<{ secret: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-6">
      {created && (
        <SecretShownOnce secret={created.secret} label="New API key" onDone={() => setCreated(null)}>
          The key <strong>{created.name}</strong> was created. Copy it now: it is shown only this once and cannot be
          recovered (revoke it and make a new one if it is lost).
        </SecretShownOnce>
      )}
      {revokeError ? <Alert tone="error">{apiErrorMessage(revokeError)}</Alert> : null}
      {revoking && (
        <Confirm
          title={`Revoke the key ${revoking.name}?`}
          confirmLabel="Revoke key"
          danger
          pending={pending}
          onBack={() => setRevoking(null)}
          onConfirm={async () => {
            setPending(true);
            try {
              await revoke(revoking.id);
              setRevoking(null);
            } finally {
              setPending(false);
            }
          }}
        >
          Every request with {revoking.prefix}… is refused from now on (401). This cannot be undone.
        </Confirm>
      )}
      <p className="text-sm text-slate-600">{scopeNote}</p>
      {keys.length === 0 ? (
        <EmptyState title="No API keys yet" />
      ) : (
        <Table
          rows={keys}
          rowKey={(row) => row.id}
          columns={[
            { header: "Name", cell: (row) => row.name },
            {
              header: "Key",
              cell: (row) => <code className="whitespace-nowrap font-mono text-xs">{row.prefix}…</code>,
            },
            { header: "Scopes", cell: (row) => row.scopes.join(", ") },
            { header: "State", cell: (row) => STATE_BADGES[row.state] },
            { header: "Created", cell: (row) => `${formatDateTime(row.createdAt)} by ${row.createdBy}` },
            { header: "Expires", cell: (row) => (row.expiresAt ? formatDateTime(row.expiresAt) : "Never") },
            { header: "Last used", cell: (row) => (row.lastUsedAt ? formatDateTime(row.lastUsedAt) : "Never") },
            {
              header: "",
              cell: (row) =>
                row.state === "REVOKED" ? null : (
                  <Button size="sm" variant="ghost" onClick={() => setRevoking(row)}>
                    Revoke
                  </Button>
                ),
            },
          ]}
        />
      )}
      <NewApiKey
        create={async (values) => {
          const result = await create(values);
          setCreated({ secret: result.secret, name: result.key.name });
        }}
        error={createError}
      />
    </div>
  );
}

const emptyKey: CreateApiKeyInput = { name: "", scopes: [], expiresInDays: 90 };

function NewApiKey({ create, error }: { create: (values: CreateApiKeyInput) => Promise<void>; error: unknown }) {
  const form = useZodForm(createApiKeyInput, { defaultValues: emptyKey });
  const onSubmit = useSubmit(form, async (values) => {
    await create(values);
    form.reset(emptyKey);
  });
  return (
    <Card title="Create an API key">
      <ApiForm form={form} onSubmit={onSubmit} error={error} className="space-y-4">
        <FormGrid>
          <FormTextField control={form.control} name="name" label="Name" hint="What uses it, e.g. 'ERP sync'" />
          <ExpiryField control={form.control} />
        </FormGrid>
        <ScopesField control={form.control} />
        <div className="flex justify-end">
          <SubmitButton form={form}>Create key</SubmitButton>
        </div>
      </ApiForm>
    </Card>
  );
}

const EXPIRY_OPTIONS = [
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
  { value: "never", label: "Never (until revoked)" },
];

function ExpiryField({ control }: { control: Control<CreateApiKeyInput> }) {
  const { field, fieldState } = useController({ control, name: "expiresInDays" });
  return (
    <SelectField
      label="Expires"
      name={field.name}
      value={field.value === null ? "never" : String(field.value)}
      onChange={(next) => field.onChange(next === "never" ? null : Number(next))}
      options={EXPIRY_OPTIONS}
      error={fieldState.error?.message}
    />
  );
}

function ScopesField({ control }: { control: Control<CreateApiKeyInput> }) {
  const { field } = useController({ control, name: "scopes" });
  return (
    <CodeChoices
      legend="Scopes"
      options={API_SCOPES}
      labels={API_SCOPE_LABELS}
      value={field.value}
      onChange={field.onChange}
      message={<FormListMessage control={control} name="scopes" />}
    />
  );
}
