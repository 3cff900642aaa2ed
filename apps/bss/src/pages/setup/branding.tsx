import {
  Alert,
  ApiForm,
  Card,
  FormGrid,
  FormTextField,
  Loading,
  PageHeader,
  SubmitButton,
  apiErrorMessage,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { brandingInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { EditableFor } from "../../components/editable-for.tsx";

type Branding = RouterOutputs["bss"]["notification"]["branding"]["get"];

/** Setup > Branding: how the distributor's emails look (name, logo, colour). */
export function BrandingPage() {
  const trpc = useTRPC();
  const branding = useQuery(trpc.bss.notification.branding.get.queryOptions());
  if (branding.isPending) return <Loading />;
  if (branding.isError) return <Alert tone="error">{apiErrorMessage(branding.error)}</Alert>;
  return <BrandingForm branding={branding.data} />;
}

function BrandingForm({ branding }: { branding: Branding }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(brandingInput, {
    defaultValues: {
      displayName: branding.displayName,
      logoUrl: branding.logoUrl ?? "",
      primaryColor: branding.primaryColor,
    },
  });
  const save = useMutation(
    trpc.bss.notification.branding.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.bss.notification.branding.get.queryKey(), saved),
    }),
  );
  const onSubmit = useSubmit(form, async (values) => {
    await save.mutateAsync(values);
    form.reset(values);
  });
  const [displayName, logoUrl, primaryColor] = form.watch(["displayName", "logoUrl", "primaryColor"]);
  const shownColor = /^#[0-9a-f]{6}$/i.test(primaryColor) ? primaryColor : "#2563eb";

  return (
    <>
      <PageHeader title="Branding" subtitle="Your name, logo and colour in every email your customers receive" />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <EditableFor permission="notifications.setup">
            <ApiForm form={form} onSubmit={onSubmit} error={save.error}>
              <Card title="Email branding">
                <div className="space-y-4">
                  {!branding.saved && !save.isSuccess && (
                    <Alert tone="info">
                      No branding saved yet: emails use your company name and the default colour.
                    </Alert>
                  )}
                  {save.isSuccess && <Alert tone="success">Branding saved. New emails use it.</Alert>}
                  <FormGrid>
                    <FormTextField
                      control={form.control}
                      name="displayName"
                      label="Display name"
                      hint="The sender name and the header of emails."
                    />
                    <FormTextField
                      control={form.control}
                      name="logoUrl"
                      label="Logo URL"
                      placeholder="https://…/logo.png"
                      hint="An image on a public web address; leave empty to show the name."
                    />
                    <FormTextField
                      control={form.control}
                      name="primaryColor"
                      label="Primary colour"
                      placeholder="#2563eb"
                    />
                    <div className="flex items-end">
                      <input
                        type="color"
                        aria-label="Pick the primary colour"
                        value={shownColor}
                        onChange={(event) =>
                          form.setValue("primaryColor", event.target.value, {
                            shouldDirty: true,
                            shouldValidate: form.formState.isSubmitted,
                          })
                        }
                        className="h-10 w-16 cursor-pointer rounded border border-slate-300"
                      />
                    </div>
                  </FormGrid>
                  <div className="flex justify-end">
                    <SubmitButton form={form} pending={save.isPending} showDirty>
                      Save branding
                    </SubmitButton>
                  </div>
                </div>
              </Card>
            </ApiForm>
          </EditableFor>
        </div>
        <Card title="Header preview">
          <div className="overflow-hidden rounded ring-1 ring-slate-200">
            <div style={{ background: shownColor }} className="px-5 py-4">
              {logoUrl ? (
                <img src={logoUrl} alt={displayName} className="max-h-12" />
              ) : (
                <span className="text-lg font-bold text-white">{displayName}</span>
              )}
            </div>
            <div className="p-5 text-sm text-slate-500">Hello Pat, …</div>
          </div>
        </Card>
      </div>
    </>
  );
}
