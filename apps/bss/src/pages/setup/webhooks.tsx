import {
  createWebhookEndpointInput,
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENT_TYPES,
  type CreateWebhookEndpointInput,
} from "@cm/domain/schemas";
import {
  Alert,
  ApiForm,
  Badge,
  Button,
  Card,
  CodeChoices,
  Confirm,
  EmptyState,
  FormGrid,
  FormListMessage,
  FormTextField,
  Loading,
  PageHeader,
  SecretShownOnce,
  SubmitButton,
  Table,
  apiErrorMessage,
  formatDateTime,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useController, type Control } from "react-hook-form";
import { WebhookDeliveryLog } from "./webhook-deliveries.tsx";

/** Setup > Webhooks: the distributor's endpoints, their secrets (shown once) and delivery logs (administrators). */
export function WebhooksPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.bss.webhook.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bss.webhook.list.queryKey() });
  const [secret, setSecret] = useState<{ secret: string; url: string } | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; url: string } | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const showSecret = (result: { secret: string; endpoint: { url: string } }) =>
    setSecret({ secret: result.secret, url: result.endpoint.url });
  const create = useMutation(
    trpc.bss.webhook.create.mutationOptions({ onSuccess: (result) => (showSecret(result), refresh()) }),
  );
  const rotate = useMutation(
    trpc.bss.webhook.rotateSecret.mutationOptions({ onSuccess: (result) => (showSecret(result), refresh()) }),
  );
  const setEnabled = useMutation(trpc.bss.webhook.setEnabled.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.bss.webhook.delete.mutationOptions({ onSuccess: refresh }));
  if (endpoints.isPending) return <Loading />;
  if (endpoints.isError) return <Alert tone="error">{apiErrorMessage(endpoints.error)}</Alert>;
  const actionError = rotate.error ?? setEnabled.error ?? remove.error;
  return (
    <>
      <PageHeader
        title="Webhooks"
        subtitle="Your systems are told when orders, assets, invoices and subscriptions change"
      />
      <div className="space-y-6">
        {secret && (
          <SecretShownOnce secret={secret.secret} label="Signing secret" onDone={() => setSecret(null)}>
            The signing secret of <strong>{secret.url}</strong>. Copy it into your receiver now: it is shown only this
            once (rotate it to get a new one).
          </SecretShownOnce>
        )}
        {actionError ? <Alert tone="error">{apiErrorMessage(actionError)}</Alert> : null}
        {deleting && (
          <Confirm
            title={`Delete the endpoint ${deleting.url}?`}
            confirmLabel="Delete endpoint"
            danger
            pending={remove.isPending}
            onBack={() => setDeleting(null)}
            onConfirm={async () => {
              await remove.mutateAsync({ id: deleting.id });
              setDeleting(null);
            }}
          >
            No more events are sent to it, and its delivery log is deleted with it.
          </Confirm>
        )}
        <p className="text-sm text-slate-600">
          Each event is POSTed as JSON, signed with the endpoint's secret (the Webhook-Signature header, see the
          README), and retried with growing pauses for 24 hours until your receiver answers 2xx. An endpoint whose
          deliveries keep failing is disabled, and the administrators are emailed.
        </p>
        {endpoints.data.length === 0 ? (
          <EmptyState title="No webhook endpoints yet" />
        ) : (
          <Table
            rows={endpoints.data}
            rowKey={(row) => row.id}
            columns={[
              {
                header: "Endpoint",
                cell: (row) => (
                  <div>
                    <code className="break-all font-mono text-xs">{row.url}</code>
                    <div className="text-slate-600">{row.description}</div>
                  </div>
                ),
              },
              { header: "Events", cell: (row) => row.events.join(", ") },
              {
                header: "State",
                cell: (row) =>
                  row.enabled ? (
                    <Badge tone="green">Enabled</Badge>
                  ) : (
                    <span title={row.disabledReason ?? undefined}>
                      <Badge tone="yellow">Disabled</Badge>
                      <div className="text-xs text-slate-600">{row.disabledReason}</div>
                    </span>
                  ),
              },
              {
                header: "Secret",
                cell: (row) => <code className="whitespace-nowrap font-mono text-xs">{row.secretPrefix}…</code>,
              },
              { header: "Created", cell: (row) => `${formatDateTime(row.createdAt)} by ${row.createdBy}` },
              {
                header: "",
                cell: (row) => (
                  <div className="flex flex-wrap gap-1">
                    <Button size="sm" variant="ghost" onClick={() => setLogOf(logOf === row.id ? null : row.id)}>
                      {logOf === row.id ? "Hide log" : "Delivery log"}
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setEnabled.mutate({ id: row.id, enabled: !row.enabled })}
                    >
                      {row.enabled ? "Disable" : "Enable"}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => rotate.mutate({ id: row.id })}>
                      Rotate secret
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setDeleting({ id: row.id, url: row.url })}>
                      Delete
                    </Button>
                  </div>
                ),
              },
            ]}
          />
        )}
        {logOf && <WebhookDeliveryLog endpointId={logOf} />}
        <NewEndpoint create={(values) => create.mutateAsync(values).then(() => undefined)} error={create.error} />
      </div>
    </>
  );
}

const emptyEndpoint: CreateWebhookEndpointInput = { url: "", description: "", events: [] };

function NewEndpoint({
  create,
  error,
}: {
  create: (values: CreateWebhookEndpointInput) => Promise<void>;
  error: unknown;
}) {
  const form = useZodForm(createWebhookEndpointInput, { defaultValues: emptyEndpoint });
  const onSubmit = useSubmit(form, async (values) => {
    await create(values);
    form.reset(emptyEndpoint);
  });
  return (
    <Card title="Add a webhook endpoint">
      <ApiForm form={form} onSubmit={onSubmit} error={error} className="space-y-4">
        <FormGrid>
          <FormTextField
            control={form.control}
            name="url"
            label="URL"
            hint="https://erp.example.com/hooks/cloudmarket"
          />
          <FormTextField
            control={form.control}
            name="description"
            label="Description"
            hint="What receives it, e.g. 'ERP sync'"
          />
        </FormGrid>
        <EventsField control={form.control} />
        <div className="flex justify-end">
          <SubmitButton form={form}>Add endpoint</SubmitButton>
        </div>
      </ApiForm>
    </Card>
  );
}

function EventsField({ control }: { control: Control<CreateWebhookEndpointInput> }) {
  const { field } = useController({ control, name: "events" });
  return (
    <CodeChoices
      legend="Events"
      options={WEBHOOK_EVENT_TYPES}
      labels={WEBHOOK_EVENT_LABELS}
      value={field.value}
      onChange={field.onChange}
      message={<FormListMessage control={control} name="events" />}
    />
  );
}
