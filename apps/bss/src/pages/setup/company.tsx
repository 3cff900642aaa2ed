import {
  AddressFields,
  Alert,
  Button,
  Card,
  CompanyFields,
  FormSection,
  Loading,
  PageHeader,
  SelectField,
  apiErrorMessage,
  fieldErrorsOf,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
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
  const [details, setDetails] = useState({
    companyName: company.companyName,
    email: company.email,
    phone: company.phone ?? "",
    taxId: company.taxId ?? "",
    website: company.website ?? "",
  });
  const [address, setAddress] = useState({
    ...company.billingAddress,
    line2: company.billingAddress.line2 ?? "",
    region: company.billingAddress.region ?? "",
  });
  const [timeZone, setTimeZone] = useState(company.timeZone);
  const save = useMutation(
    trpc.bss.company.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.bss.company.get.queryKey(), saved),
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const missing = save.data?.missing ?? company.missing;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ ...details, billingAddress: address, timeZone });
  }

  return (
    <>
      <PageHeader title="Company" subtitle="Your company as it appears on invoices and credit notes" />
      <form onSubmit={submit} noValidate className="max-w-3xl space-y-4">
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
        {save.isError && <Alert tone="error">{apiErrorMessage(save.error)}</Alert>}
        {save.isSuccess && <Alert tone="success">Company details saved. New invoices show them.</Alert>}
        <Card>
          <div className="space-y-5">
            <FormSection title="Company">
              <CompanyFields value={details} onChange={setDetails} errors={errors} disabled={!canEdit} />
            </FormSection>
            <FormSection title="Address">
              <AddressFields value={address} onChange={setAddress} errors={errors} disabled={!canEdit} />
            </FormSection>
            <FormSection
              title="Region"
              description={`Invoices are in ${company.currency}, the currency chosen at set-up.`}
            >
              <SelectField
                label="Time zone"
                value={timeZone}
                onChange={setTimeZone}
                options={timeZoneOptions}
                error={errors.timeZone?.[0]}
                disabled={!canEdit}
              />
            </FormSection>
            {canEdit ? (
              <div className="flex justify-end">
                <Button type="submit" loading={save.isPending}>
                  Save company details
                </Button>
              </div>
            ) : (
              <p className="text-sm text-slate-500">Only administrators change these details.</p>
            )}
          </div>
        </Card>
      </form>
    </>
  );
}
