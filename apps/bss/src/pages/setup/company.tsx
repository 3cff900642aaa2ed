import {
  AddressInputs,
  Alert,
  ApiForm,
  Card,
  CompanyInputs,
  FormSection,
  FormSelectField,
  Loading,
  PageHeader,
  SubmitButton,
  addressValuesOf,
  apiErrorMessage,
  companyValuesOf,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { updateCompanyInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";

type Company = RouterOutputs["bss"]["company"]["get"];

const timeZoneOptions = [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])].map((zone) => ({
  value: zone,
  label: zone.replaceAll("_", " "),
}));

/** Setup > Company: the distributor's own details, the seller on every invoice. */
export function CompanyPage() {
  const trpc = useTRPC();
  const company = useQuery(trpc.bss.company.get.queryOptions());
  const me = useQuery(trpc.bss.staff.me.queryOptions());
  if (company.isPending || me.isPending) return <Loading />;
  if (company.isError) return <Alert tone="error">{apiErrorMessage(company.error)}</Alert>;
  return <CompanyForm company={company.data} canEdit={me.data?.permissions.includes("company.edit") ?? false} />;
}

function CompanyForm({ company, canEdit }: { company: Company; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const save = useMutation(
    trpc.bss.company.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.bss.company.get.queryKey(), saved),
    }),
  );
  const form = useZodForm(updateCompanyInput, {
    defaultValues: {
      ...companyValuesOf(company),
      billingAddress: addressValuesOf(company.billingAddress),
      timeZone: company.timeZone,
    },
  });
  const onSubmit = useSubmit(form, async (values) => {
    await save.mutateAsync(values);
    form.reset(values);
  });
  const missing = save.data?.missing ?? company.missing;

  return (
    <>
      <PageHeader title="Company" subtitle="Your company as it appears on invoices and credit notes" />
      <ApiForm form={form} onSubmit={onSubmit} error={save.error} className="max-w-3xl space-y-4">
        {params.get("welcome") && !save.isSuccess && (
          <Alert tone="success">
            Your instance is set up and you are signed in. Complete your company details below, then{" "}
            <Link to="/setup/bittitan" className="font-medium underline">
              activate the BitTitan Service Manager
            </Link>
            .
          </Alert>
        )}
        {missing.includes("address") && (
          <Alert tone="warning">Your address is missing: invoices go out without it until you add it here.</Alert>
        )}
        {save.isSuccess && !form.formState.isDirty && (
          <Alert tone="success">Company details saved. New invoices show them.</Alert>
        )}
        <Card>
          <div className="space-y-5">
            <FormSection title="Company">
              <CompanyInputs control={form.control} disabled={!canEdit} />
            </FormSection>
            <FormSection title="Address">
              <AddressInputs control={form.control} disabled={!canEdit} />
            </FormSection>
            <FormSection
              title="Region"
              description={`Invoices are in ${company.currency}, the currency chosen at set-up. Business dates (the 15-day cancellation window, renewals) are days in this time zone, in both apps.`}
            >
              <FormSelectField
                control={form.control}
                name="timeZone"
                label="Time zone"
                options={timeZoneOptions}
                disabled={!canEdit}
              />
            </FormSection>
            {canEdit ? (
              <div className="flex justify-end">
                <SubmitButton form={form} showDirty>
                  Save company details
                </SubmitButton>
              </div>
            ) : (
              <p className="text-sm text-slate-500">Only administrators change these details.</p>
            )}
          </div>
        </Card>
      </ApiForm>
    </>
  );
}
