import {
  Alert,
  ApiForm,
  Badge,
  Button,
  Card,
  FormCheckboxField,
  FormTextAreaField,
  FormTextField,
  Loading,
  PageHeader,
  SubmitButton,
  TemplateVariablesList,
  apiErrorMessage,
  formatDateTime,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { text, updateTemplateInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useParams } from "react-router";
import { DEFAULT_RECIPIENTS } from "./default-recipients.ts";
import { SendTestEmail } from "./send-test-email.tsx";
import { TemplatePreview } from "./template-preview.tsx";
import { useCan } from "../../components/use-can.ts";

type Template = RouterOutputs["bss"]["notification"]["template"]["get"];
type TemplateKey = Template["key"];

const addressList = (value: string) => value.split(/[\s,;]+/).filter(Boolean);

type AddressListSchema = (typeof updateTemplateInput.shape)["cc"];

/**
 * A recipient list typed as comma-separated addresses, checked by the procedure's
 * own list schema; its first message (an address's, or the list's) is the field's.
 */
const addressListField = (list: AddressListSchema) =>
  text().superRefine((value, context) => {
    const result = list.safeParse(addressList(value));
    const issue = result.error?.issues[0];
    if (issue) context.addIssue({ code: "custom", message: issue.message });
  });

/** The template's form: updateTemplateInput (the key is the page's), with the recipient lists as text. */
const templateForm = updateTemplateInput.omit({ key: true }).extend({
  extraTo: addressListField(updateTemplateInput.shape.extraTo),
  cc: addressListField(updateTemplateInput.shape.cc),
  bcc: addressListField(updateTemplateInput.shape.bcc),
});

const toValues = (template: Template) => ({
  subject: template.subject,
  html: template.html,
  text: template.text,
  enabled: template.enabled,
  toPrimaryContact: template.toPrimaryContact,
  extraTo: template.extraTo.join(", "),
  cc: template.cc.join(", "),
  bcc: template.bcc.join(", "),
});

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
  const form = useZodForm(templateForm, { defaultValues: toValues(template) });
  const refresh = (saved: Template) => {
    queryClient.setQueryData(trpc.bss.notification.template.get.queryKey({ key: saved.key }), saved);
    return queryClient.invalidateQueries({ queryKey: trpc.bss.notification.template.list.queryKey() });
  };
  const save = useMutation(trpc.bss.notification.template.update.mutationOptions({ onSuccess: refresh }));
  const reset = useMutation(
    trpc.bss.notification.template.reset.mutationOptions({
      onSuccess: async (saved) => {
        form.reset(toValues(saved));
        await refresh(saved);
      },
    }),
  );
  const onSubmit = useSubmit(form, async (values) => {
    await save.mutateAsync({
      ...values,
      key: template.key,
      extraTo: addressList(values.extraTo),
      cc: addressList(values.cc),
      bcc: addressList(values.bcc),
    });
    form.reset(values);
  });
  const [subject, html, plainText] = form.watch(["subject", "html", "text"]);
  const draft = useMemo(
    () => ({ key: template.key, subject, html, text: plainText }),
    [template.key, subject, html, plainText],
  );

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
        <ApiForm form={form} onSubmit={onSubmit} error={save.error} className="space-y-6">
          <Card title="Content">
            <div className="space-y-4">
              <p className="text-sm text-slate-500">{template.description}</p>
              {save.isSuccess && !save.isPending && <Alert tone="success">Template saved.</Alert>}
              {!isAdmin && <Alert tone="info">Only administrators can change templates.</Alert>}
              <FormTextField control={form.control} name="subject" label="Subject" className="font-mono" />
              <div className="space-y-4 [&_textarea]:font-mono [&_textarea]:text-xs">
                <FormTextAreaField
                  control={form.control}
                  name="html"
                  label="HTML body"
                  rows={14}
                  hint="Variables are HTML-escaped; the branded layout wraps this body."
                />
                <FormTextAreaField control={form.control} name="text" label="Plain-text body" rows={12} />
              </div>
              <TemplateVariablesList variables={template.variables} />
            </div>
          </Card>
          <Card title="Sending">
            <div className="space-y-4">
              <FormCheckboxField
                control={form.control}
                name="enabled"
                label="Enabled"
                hint="A disabled template sends nothing."
              />
              {template.variables.some((variable) => variable.secret) ? (
                <Alert tone="info">
                  This email carries a single-use link: it goes only to the person it is for, never to extra recipients,
                  and the Delivery log keeps it without the link.
                </Alert>
              ) : (
                <>
                  <FormCheckboxField
                    control={form.control}
                    name="toPrimaryContact"
                    label={DEFAULT_RECIPIENTS[template.audience].label}
                    hint={DEFAULT_RECIPIENTS[template.audience].hint}
                  />
                  <FormTextField
                    control={form.control}
                    name="extraTo"
                    label="Extra To"
                    placeholder="Comma-separated addresses"
                  />
                  <FormTextField control={form.control} name="cc" label="CC" placeholder="Comma-separated addresses" />
                  <FormTextField
                    control={form.control}
                    name="bcc"
                    label="BCC"
                    placeholder="Comma-separated addresses"
                  />
                </>
              )}
            </div>
          </Card>
          {isAdmin && (
            <div className="flex justify-end">
              <SubmitButton form={form} pending={save.isPending} showDirty>
                Save template
              </SubmitButton>
            </div>
          )}
        </ApiForm>
        <div className="space-y-6">
          <TemplatePreview draft={draft} />
          {isAdmin && <SendTestEmail draft={draft} defaultTo={me.data?.email ?? ""} />}
        </div>
      </div>
    </>
  );
}
