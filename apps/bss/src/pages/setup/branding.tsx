import { Alert, Button, Card, FormGrid, Loading, PageHeader, TextField, apiErrorMessage, fieldErrorsOf } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
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
  const [values, setValues] = useState({
    displayName: branding.displayName,
    logoUrl: branding.logoUrl ?? "",
    primaryColor: branding.primaryColor,
  });
  const save = useMutation(
    trpc.bss.notification.branding.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.bss.notification.branding.get.queryKey(), saved),
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const set = (field: keyof typeof values) => (value: string) => setValues({ ...values, [field]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(values);
  }

  return (
    <>
      <PageHeader title="Branding" subtitle="Your name, logo and colour in every email your customers receive" />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <EditableFor permission="notifications.setup">
            <form onSubmit={submit} noValidate>
              <Card title="Email branding">
                <div className="space-y-4">
                  {!branding.saved && !save.isSuccess && (
                    <Alert tone="info">
                      No branding saved yet: emails use your company name and the default colour.
                    </Alert>
                  )}
                  {save.isError && <Alert tone="error">{apiErrorMessage(save.error)}</Alert>}
                  {save.isSuccess && <Alert tone="success">Branding saved. New emails use it.</Alert>}
                  <FormGrid>
                    <TextField
                      label="Display name"
                      value={values.displayName}
                      onChange={set("displayName")}
                      error={errors.displayName?.[0]}
                      hint="The sender name and the header of emails."
                    />
                    <TextField
                      label="Logo URL"
                      value={values.logoUrl}
                      onChange={set("logoUrl")}
                      error={errors.logoUrl?.[0]}
                      placeholder="https://…/logo.png"
                      hint="An image on a public web address; leave empty to show the name."
                    />
                    <TextField
                      label="Primary colour"
                      value={values.primaryColor}
                      onChange={set("primaryColor")}
                      error={errors.primaryColor?.[0]}
                      placeholder="#2563eb"
                    />
                    <div className="flex items-end">
                      <input
                        type="color"
                        aria-label="Pick the primary colour"
                        value={/^#[0-9a-f]{6}$/i.test(values.primaryColor) ? values.primaryColor : "#2563eb"}
                        onChange={(event) => set("primaryColor")(event.target.value)}
                        className="h-10 w-16 cursor-pointer rounded border border-slate-300"
                      />
                    </div>
                  </FormGrid>
                  <div className="flex justify-end">
                    <Button type="submit" loading={save.isPending}>
                      Save branding
                    </Button>
                  </div>
                </div>
              </Card>
            </form>
          </EditableFor>
        </div>
        <Card title="Header preview">
          <div className="overflow-hidden rounded ring-1 ring-slate-200">
            <div
              style={{ background: /^#[0-9a-f]{6}$/i.test(values.primaryColor) ? values.primaryColor : "#2563eb" }}
              className="px-5 py-4"
            >
              {values.logoUrl ? (
                <img src={values.logoUrl} alt={values.displayName} className="max-h-12" />
              ) : (
                <span className="text-lg font-bold text-white">{values.displayName}</span>
              )}
            </div>
            <div className="p-5 text-sm text-slate-500">Hello Pat, …</div>
          </div>
        </Card>
      </div>
    </>
  );
}
