import {
  Alert,
  ApiForm,
  Badge,
  Button,
  Card,
  EmailPreviewCard,
  FormTextAreaField,
  FormTextField,
  Loading,
  PageHeader,
  SubmitButton,
  TemplateVariablesList,
  apiErrorMessage,
  formatDateTime,
  useDebounced,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { storefrontEmailSenderInput, storefrontWelcomeTemplateInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState, type ChangeEvent } from "react";
import { MyStorefrontTabs } from "./tabs.tsx";

type Brand = RouterOutputs["storefront"]["myStorefront"]["brand"]["get"];

/** Storefront > My storefront > Brand: the logo, whom the storefront's emails come from, and its welcome email. */
export function MyStorefrontBrandPage() {
  const trpc = useTRPC();
  const brand = useQuery({ ...trpc.storefront.myStorefront.brand.get.queryOptions(), retry: false });
  return (
    <>
      <PageHeader title="My storefront" subtitle="Brand" />
      <MyStorefrontTabs />
      {brand.isPending ? (
        <Loading />
      ) : brand.isError ? (
        <Alert tone="info">{apiErrorMessage(brand.error)}</Alert>
      ) : (
        <div className="space-y-6">
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <LogoCard brand={brand.data} />
            <SenderCard brand={brand.data} />
          </div>
          <WelcomeEmailCard brand={brand.data} />
        </div>
      )}
    </>
  );
}

function useSaveBrand() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (next: Brand) => queryClient.setQueryData(trpc.storefront.myStorefront.brand.get.queryKey(), next);
}

/** Reads the chosen file as base64; the server checks that it is a PNG or JPEG and its size. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new Error("The file could not be read"));
    reader.readAsDataURL(file);
  });
}

function LogoCard({ brand }: { brand: Brand }) {
  const trpc = useTRPC();
  const save = useSaveBrand();
  const upload = useMutation(trpc.storefront.myStorefront.brand.uploadLogo.mutationOptions({ onSuccess: save }));
  const remove = useMutation(trpc.storefront.myStorefront.brand.removeLogo.mutationOptions({ onSuccess: save }));
  const [readError, setReadError] = useState<string | null>(null);
  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setReadError(null);
    remove.reset();
    try {
      upload.mutate({ image: await readAsBase64(file) });
    } catch (error) {
      setReadError(error instanceof Error ? error.message : String(error));
    }
  }
  return (
    <Card title="Logo">
      <div className="space-y-4">
        {upload.isSuccess && <Alert tone="success">Logo saved: your storefront and its emails show it.</Alert>}
        {(upload.error ?? remove.error) && <Alert tone="error">{apiErrorMessage(upload.error ?? remove.error)}</Alert>}
        {readError && <Alert tone="error">{readError}</Alert>}
        <div className="flex min-h-20 items-center justify-center rounded-md bg-slate-50 p-4 ring-1 ring-inset ring-slate-200">
          {brand.logoUrl ? (
            <img src={brand.logoUrl} alt={`${brand.displayName} logo`} className="max-h-16 max-w-full" />
          ) : (
            <span className="text-sm text-slate-500">No logo yet: your storefront shows its name.</span>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <label className="inline-flex cursor-pointer items-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-within:ring-2 focus-within:ring-brand-500">
            {upload.isPending ? "Uploading…" : brand.logoUrl ? "Replace logo" : "Upload logo"}
            <input
              type="file"
              accept="image/png,image/jpeg"
              className="sr-only"
              aria-label="Logo image"
              onChange={(event) => void choose(event)}
            />
          </label>
          {brand.logoUrl && (
            <Button
              variant="secondary"
              loading={remove.isPending}
              onClick={() => {
                upload.reset();
                remove.mutate();
              }}
            >
              Remove logo
            </Button>
          )}
        </div>
        <p className="text-xs text-slate-500">PNG or JPEG, at most 256 KB. SVG files are not accepted.</p>
      </div>
    </Card>
  );
}

function SenderCard({ brand }: { brand: Brand }) {
  const trpc = useTRPC();
  const save = useSaveBrand();
  const update = useMutation(trpc.storefront.myStorefront.brand.updateSender.mutationOptions({ onSuccess: save }));
  const form = useZodForm(storefrontEmailSenderInput, {
    defaultValues: { senderName: brand.senderName ?? "", replyTo: brand.replyTo ?? "" },
  });
  const onSubmit = useSubmit(form, async (values) => {
    await update.mutateAsync(values);
    form.reset(values);
  });
  return (
    <Card title="Emails to your customers">
      <ApiForm form={form} onSubmit={onSubmit} error={update.error} className="space-y-4">
        {update.isSuccess && !form.formState.isDirty && <Alert tone="success">Saved.</Alert>}
        <p className="text-sm text-slate-600">
          Invitations, password resets at your storefront and the welcome emails of its orders come from{" "}
          <strong>{brand.effectiveSenderName}</strong>.
        </p>
        <FormTextField
          control={form.control}
          name="senderName"
          label="Sender name"
          placeholder={brand.displayName}
          hint="Empty: your storefront's name"
        />
        <FormTextField
          control={form.control}
          name="replyTo"
          label="Reply-to address"
          type="email"
          hint="Where your customers' replies go"
        />
        <div className="flex justify-end">
          <SubmitButton form={form} pending={update.isPending} showDirty>
            Save
          </SubmitButton>
        </div>
      </ApiForm>
    </Card>
  );
}

function WelcomeEmailCard({ brand }: { brand: Brand }) {
  const trpc = useTRPC();
  const save = useSaveBrand();
  const form = useZodForm(storefrontWelcomeTemplateInput, { defaultValues: brand.welcome.content });
  const update = useMutation(trpc.storefront.myStorefront.brand.updateWelcome.mutationOptions({ onSuccess: save }));
  const reset = useMutation(
    trpc.storefront.myStorefront.brand.resetWelcome.mutationOptions({
      onSuccess: (next) => {
        form.reset(next.welcome.content);
        save(next);
      },
    }),
  );
  const onSubmit = useSubmit(form, async (values) => {
    reset.reset();
    await update.mutateAsync(values);
    form.reset(values);
  });
  const [subject, html, text] = form.watch(["subject", "html", "text"]);
  const draft = useDebounced(
    useMemo(() => ({ subject, html, text }), [subject, html, text]),
    300,
  );
  const preview = useMutation(trpc.storefront.myStorefront.brand.previewWelcome.mutationOptions());
  const { mutate } = preview;
  useEffect(() => mutate(draft), [draft, mutate]);

  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
      <Card
        title={
          <span className="flex flex-wrap items-center gap-2">
            Welcome email
            {brand.welcome.own ? <Badge tone="blue">Your text</Badge> : <Badge>Your distributor's text</Badge>}
          </span>
        }
        actions={
          brand.welcome.own && (
            <Button
              variant="secondary"
              size="sm"
              loading={reset.isPending}
              onClick={() => window.confirm("Use your distributor's current welcome email again?") && reset.mutate()}
            >
              Reset to the distributor's text
            </Button>
          )
        }
      >
        <ApiForm form={form} onSubmit={onSubmit} error={update.error ?? reset.error} className="space-y-4">
          <p className="text-sm text-slate-500">
            Sent with the coupon code to your customer when an order placed at your storefront is ready.
            {brand.welcome.updatedAt && ` Last changed ${formatDateTime(brand.welcome.updatedAt)}.`}
          </p>
          {update.isSuccess && !form.formState.isDirty && <Alert tone="success">Welcome email saved.</Alert>}
          {reset.isSuccess && (
            <Alert tone="success">Your storefront uses your distributor's welcome email again.</Alert>
          )}
          <FormTextField control={form.control} name="subject" label="Subject" className="font-mono" />
          <div className="space-y-4 [&_textarea]:font-mono [&_textarea]:text-xs">
            <FormTextAreaField
              control={form.control}
              name="html"
              label="HTML body"
              rows={12}
              hint="Variables are HTML-escaped; your logo and colour frame this body."
            />
            <FormTextAreaField control={form.control} name="text" label="Plain-text body" rows={10} />
          </div>
          <TemplateVariablesList variables={brand.welcome.variables} />
          <div className="flex justify-end">
            <SubmitButton form={form} pending={update.isPending} showDirty>
              Save welcome email
            </SubmitButton>
          </div>
        </ApiForm>
      </Card>
      <EmailPreviewCard preview={preview.data} error={preview.error ? apiErrorMessage(preview.error) : null} />
    </div>
  );
}
