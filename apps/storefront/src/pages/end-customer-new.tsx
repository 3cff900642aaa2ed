import {
  AddressFields,
  Alert,
  Button,
  Card,
  CompanyFields,
  ContactFields,
  FormSection,
  PageHeader,
  apiErrorMessage,
  fieldErrorsOf,
  useAccountValues,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";

export function EndCustomerNewPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { company, setCompany, address, setAddress, contact, setContact } = useAccountValues();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useMutation(
    trpc.storefront.endCustomer.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.storefront.endCustomer.pathKey() });
        void navigate(`/end-customers/${created.id}`);
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ idempotencyKey, ...company, billingAddress: address, primaryContact: contact });
  }

  return (
    <>
      <PageHeader
        title="New end-customer"
        subtitle="A company you buy licenses for. Its primary contact receives the welcome emails."
      />
      <Card>
        <form onSubmit={submit} className="space-y-6" noValidate>
          {create.isError && <Alert tone="error">{apiErrorMessage(create.error)}</Alert>}
          <FormSection title="Company">
            <CompanyFields value={company} onChange={setCompany} errors={errors} />
          </FormSection>
          <FormSection title="Billing address">
            <AddressFields value={address} onChange={setAddress} errors={errors} />
          </FormSection>
          <FormSection title="Primary contact">
            <ContactFields value={contact} onChange={setContact} errors={errors} />
          </FormSection>
          <div className="flex justify-end gap-2">
            <Link to="/end-customers">
              <Button variant="secondary">Cancel</Button>
            </Link>
            <Button type="submit" loading={create.isPending}>
              Create end-customer
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
