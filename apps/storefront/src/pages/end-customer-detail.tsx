import { AddressBlock, Alert, Card, Details, Loading, PageHeader, apiErrorMessage } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";

export function EndCustomerDetailPage() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const customer = useQuery(trpc.storefront.endCustomer.get.queryOptions({ id }));
  if (customer.isPending) return <Loading />;
  if (customer.isError) return <Alert tone="error">{apiErrorMessage(customer.error)}</Alert>;
  const data = customer.data;
  const address = data.billingAddress;
  return (
    <>
      <PageHeader
        title={data.companyName}
        subtitle={<span className="font-mono">{data.number}</span>}
        actions={
          <Link to="/end-customers" className="text-sm text-brand-700 hover:underline">
            ← All end-customers
          </Link>
        }
      />
      <Card title="Details">
        <Details
          items={[
            { label: "Email", value: data.email },
            { label: "Phone", value: data.phone },
            { label: "Currency", value: data.currency },
            {
              label: "Primary contact",
              value: data.primaryContact
                ? `${data.primaryContact.firstName} ${data.primaryContact.lastName} · ${data.primaryContact.email}`
                : null,
            },
            {
              label: "Billing address",
              value: <AddressBlock address={address} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
