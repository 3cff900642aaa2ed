import {
  Alert,
  Badge,
  Button,
  Card,
  CheckboxField,
  Loading,
  PageHeader,
  TextAreaField,
  TextField,
  apiErrorMessage,
  fieldErrorsOf,
  formatDateTime,
  type FieldErrors,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { DEFAULT_RECIPIENTS } from "./default-recipients.ts";
import { SendTestEmail } from "./send-test-email.tsx";
import { TemplatePreview } from "./template-preview.tsx";
import { useCan } from "../../components/use-can.ts";

type Template = RouterOutputs["bss"]["notification"]["template"]["get"];
type TemplateKey = Template["key"];

interface Values {
  subject: string;
  html: string;
  text: string;
  enabled: boolean;
  toPrimaryContact: boolean;
  extraTo: string;
  cc: string;
  bcc: string;
}

const toValues = (template: Template): Values => ({
  ...template,
  extraTo: template.extraTo.join(", "),
  cc: template.cc.join(", "),
  bcc: template.bcc.join(", "),
});

const addressList = (value: string) => value.split(/[\s,;]+/).filter(Boolean);

/** The first message about a list field ("cc" or "cc.1"). */
const listError = (errors: FieldErrors, field: string) =>
  Object.entries(errors).find(([path]) => path === field || path.startsWith(`${field}.`))?.[1]?.[0];

export function TemplateEditorPage() {
  const trpc = useTRPC();
  const { key = "" } = useParams();
  const template = useQuery(trpc.bss.notification.template.get.queryOptions({ key: key as TemplateKey }));
  if (template.isPending) return <Loading />;
  if (template.isError) return <Alert tone="error">{apiErrorMessage(template.error)}</Alert>;
  return <TemplateEditor key={template.data.key} template={template.data} />;
}

function TemplateEditor({ template }: { template: Template }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.bss.staff.me.queryOptions());
  const can = useCan();
  const isAdmin = can("notifications.setup");
  const [values, setValues] = useState(() => toValues(template));
  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) =>
      setValues((current) => ({ ...current, [field]: value }));
  const refresh = (saved: Template) => {
    queryClient.setQueryData(trpc.bss.notification.template.get.queryKey({ key: saved.key }), saved);
    return queryClient.invalidateQueries({ queryKey: trpc.bss.notification.template.list.queryKey() });
  };
  const save = useMutation(trpc.bss.notification.template.update.mutationOptions({ onSuccess: refresh }));
  const reset = useMutation(
    trpc.bss.notification.template.reset.mutationOptions({
      onSuccess: async (saved) => {
        setValues(toValues(saved));
        await refresh(saved);
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const draft = useMemo(
    () => ({ key: template.key, subject: values.subject, html: values.html, text: values.text }),
    [template.key, values.subject, values.html, values.text],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      ...values,
      key: template.key,
      extraTo: addressList(values.extraTo),
      cc: addressList(values.cc),
      bcc: addressList(values.bcc),
    });
  }

  return (
    <>
      <PageHeader
        title={template.name}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <Link to="/setup/notifications" className="text-brand-700 hover:underline">
              Notifications
            </Link>
            {template.customised ? <Badge tone="blue">Customised</Badge> : <Badge>Default</Badge>}
            {template.updatedBy && template.updatedAt && (
              <span>
                Last changed by {template.updatedBy}, {formatDateTime(template.updatedAt)}
              </span>
            )}
          </span>
        }
        actions={
          isAdmin && (
            <Button
              variant="secondary"
              loading={reset.isPending}
              onClick={() =>
                window.confirm("Put back the built-in subject and bodies?") && reset.mutate({ key: template.key })
              }
            >
              Reset to default
            </Button>
          )
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <form onSubmit={submit} className="space-y-6" noValidate>
          <Card title="Content">
            <div className="space-y-4">
              <p className="text-sm text-slate-500">{template.description}</p>
              {save.isError && <Alert tone="error">{apiErrorMessage(save.error)}</Alert>}
              {save.isSuccess && !save.isPending && <Alert tone="success">Template saved.</Alert>}
              {!isAdmin && <Alert tone="info">Only administrators can change templates.</Alert>}
              <TextField
                label="Subject"
                value={values.subject}
                onChange={set("subject")}
                error={errors.subject?.[0]}
                className="font-mono"
              />
              <div className="space-y-4 [&_textarea]:font-mono [&_textarea]:text-xs">
                <TextAreaField
                  label="HTML body"
                  rows={14}
                  value={values.html}
                  onChange={set("html")}
                  error={errors.html?.[0]}
                  hint="Variables are HTML-escaped; the branded layout wraps this body."
                />
                <TextAreaField
                  label="Plain-text body"
                  rows={12}
                  value={values.text}
                  onChange={set("text")}
                  error={errors.text?.[0]}
                />
              </div>
              <VariablesList template={template} />
            </div>
          </Card>
          <Card title="Sending">
            <div className="space-y-4">
              <CheckboxField
                label="Enabled"
                checked={values.enabled}
                onChange={set("enabled")}
                hint="A disabled template sends nothing."
              />
              {template.variables.some((variable) => variable.secret) ? (
                <Alert tone="info">
                  This email carries a single-use link: it goes only to the person it is for, never to extra recipients,
                  and the Delivery log keeps it without the link.
                </Alert>
              ) : (
                <>
                  <CheckboxField
                    label={DEFAULT_RECIPIENTS[template.audience].label}
                    checked={values.toPrimaryContact}
                    onChange={set("toPrimaryContact")}
                    hint={DEFAULT_RECIPIENTS[template.audience].hint}
                  />
                  <TextField
                    label="Extra To"
                    value={values.extraTo}
                    onChange={set("extraTo")}
                    error={listError(errors, "extraTo")}
                    placeholder="Comma-separated addresses"
                  />
                  <TextField
                    label="CC"
                    value={values.cc}
                    onChange={set("cc")}
                    error={listError(errors, "cc")}
                    placeholder="Comma-separated addresses"
                  />
                  <TextField
                    label="BCC"
                    value={values.bcc}
                    onChange={set("bcc")}
                    error={listError(errors, "bcc")}
                    placeholder="Comma-separated addresses"
                  />
                </>
              )}
            </div>
          </Card>
          {isAdmin && (
            <div className="flex justify-end">
              <Button type="submit" loading={save.isPending}>
                Save template
              </Button>
            </div>
          )}
        </form>
        <div className="space-y-6">
          <TemplatePreview draft={draft} />
          {isAdmin && <SendTestEmail draft={draft} defaultTo={me.data?.email ?? ""} />}
        </div>
      </div>
    </>
  );
}

function VariablesList({ template }: { template: Template }) {
  return (
    <details className="rounded-md bg-slate-50 p-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">Variables you can use</summary>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
        {template.variables.map((variable) => (
          <div key={variable.name}>
            <dt className="font-mono text-xs text-slate-900">{`{{ ${variable.name} }}`}</dt>
            <dd className="text-xs text-slate-500">{variable.description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
