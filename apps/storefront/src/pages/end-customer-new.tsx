import {
  AddressInputs,
  ApiForm,
  Button,
  Card,
  CompanyInputs,
  ContactInputs,
  FormSection,
  PageHeader,
  SubmitButton,
  emptyAddress,
  emptyCompany,
  emptyContact,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import { createEndCustomerFields, withVatNumberCheck } from "@cm/domain/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";

/** The end-customer form's values: the procedure's input without the page's idempotency key (currency: the reseller's). */
export const endCustomerForm = withVatNumberCheck(createEndCustomerFields.omit({ currency: true }), [
  "billingAddress",
  "country",
]);

export function EndCustomerNewPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useMutation(
    trpc.storefront.endCustomer.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.storefront.endCustomer.pathKey() });
        void navigate(`/end-customers/${created.id}`);
      },
    }),
  );
  const form = useZodForm(endCustomerForm, {
    defaultValues: { ...emptyCompany, billingAddress: emptyAddress, primaryContact: emptyContact },
  });
  const onSubmit = useSubmit(form, (values) => create.mutateAsync({ idempotencyKey, ...values }));

  return (
    <>
      <PageHeader
        title="New end-customer"
        subtitle="A company you buy licenses for. Its primary contact receives the welcome emails."
      />
      <Card>
        <ApiForm form={form} onSubmit={onSubmit} error={create.error} guard={false} className="space-y-6">
          <FormSection title="Company">
            <CompanyInputs control={form.control} />
          </FormSection>
          <FormSection title="Billing address">
            <AddressInputs control={form.control} />
          </FormSection>
          <FormSection title="Primary contact">
            <ContactInputs control={form.control} />
          </FormSection>
          <div className="flex justify-end gap-2">
            <Link to="/end-customers">
              <Button variant="secondary">Cancel</Button>
            </Link>
            <SubmitButton form={form} pending={create.isPending}>
              Create end-customer
            </SubmitButton>
          </div>
        </ApiForm>
      </Card>
    </>
  );
}
