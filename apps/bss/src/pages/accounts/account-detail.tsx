import {
  AddressBlock,
  Alert,
  Badge,
  Button,
  Card,
  Details,
  Loading,
  PageHeader,
  Table,
  apiErrorMessage,
  formatDate,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { isWellFormedVatNumber } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useParams } from "react-router";
import { InvitationNotice } from "../../components/invitation-notice.tsx";
import { KindBadge, StatusBadge } from "../../components/labels.tsx";
import { BitTitanSyncCard } from "./account-bittitan.tsx";
import { AssetTable } from "../billing/asset-table.tsx";
import { ContactsCard } from "./account-contacts.tsx";
import { ResellerPlanCard } from "../plans/reseller-plan-card.tsx";
import { useCan } from "../../components/use-can.ts";
import { AccountBalanceCard, AccountStatementCard } from "./account-statement.tsx";
import { StorefrontOrdersCard } from "./account-storefront-orders.tsx";

type AccountDetail = RouterOutputs["bss"]["account"]["get"];

export function AccountDetailPage() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const account = useQuery(trpc.bss.account.get.queryOptions({ id }));
  // Set by the new-account form when it invited the primary contact.
  const created = useLocation().state as { invitationSentTo?: string | null } | null;
  const can = useCan();
  if (account.isPending) return <Loading />;
  if (account.isError) return <Alert tone="error">{apiErrorMessage(account.error)}</Alert>;
  const data = account.data;

  return (
    <>
      <PageHeader
        title={data.companyName}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{data.number}</span>
            <KindBadge kind={data.kind} />
            <StatusBadge status={data.status} />
            {data.kind === "END_CUSTOMER" && data.parent && (
              <span>
                of{" "}
                <Link to={`/accounts/${data.parent.id}`} className="text-brand-700 hover:underline">
                  {data.parent.companyName}
                </Link>
              </span>
            )}
          </span>
        }
        actions={
          can("accounts.edit") && (
            <Link to={`/accounts/${data.id}/edit`}>
              <Button variant="secondary">Edit</Button>
            </Link>
          )
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {created && created.invitationSentTo !== undefined && (
            <InvitationNotice sentTo={created.invitationSentTo} template="Storefront invitation" />
          )}
          <ContactsCard account={data} />
          {data.kind === "RESELLER" && <EndCustomersCard account={data} />}
          <Card
            title="Assets"
            actions={
              data.kind !== "END_CUSTOMER" &&
              can("orders.edit") && (
                <Link to={`/orders/new?account=${data.id}`}>
                  <Button size="sm" variant="secondary">
                    New order
                  </Button>
                </Link>
              )
            }
          >
            <AssetTable accountId={data.id} />
          </Card>
          {data.kind === "RESELLER" && <StorefrontOrdersCard accountId={data.id} />}
          {data.kind !== "DISTRIBUTOR" && <AccountStatementCard accountId={data.id} />}
        </div>
        <div className="space-y-6">
          {data.kind !== "DISTRIBUTOR" && <AccountBalanceCard accountId={data.id} />}
          <BitTitanSyncCard accountId={data.id} />
          {data.kind === "RESELLER" && <ResellerPlanCard accountId={data.id} />}
          <CompanyCard account={data} />
        </div>
      </div>
    </>
  );
}

function CompanyCard({ account }: { account: AccountDetail }) {
  const address = account.billingAddress;
  return (
    <Card title="Company & billing">
      <Details
        items={[
          { label: "Email", value: account.email },
          { label: "Phone", value: account.phone },
          { label: "VAT number", value: account.taxId && <VatNumber account={account} /> },
          { label: "Website", value: account.website },
          { label: "Currency", value: account.currency },
          ...(account.kind === "END_CUSTOMER"
            ? []
            : [
                {
                  label: "Price list",
                  value: account.priceList ? (
                    <Link
                      to={`/catalog/price-lists/${account.priceList.id}`}
                      className="text-brand-700 hover:underline"
                    >
                      {account.priceList.name}
                    </Link>
                  ) : (
                    "None (catalog prices)"
                  ),
                },
              ]),
          {
            label: "Billing address",
            value: <AddressBlock address={address} />,
          },
          {
            label: "Primary contact",
            value: account.primaryContact
              ? `${account.primaryContact.firstName} ${account.primaryContact.lastName}`
              : null,
          },
          { label: "Created", value: formatDate(account.createdAt) },
        ]}
      />
    </Card>
  );
}

/**
 * The VAT number, and whether staff checked it by hand (no online check is
 * possible): a number of the country's format already gets the reverse charge;
 * the mark says who confirmed it exists, and when.
 */
function VatNumber({ account }: { account: AccountDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const can = useCan();
  const mark = useMutation(
    trpc.bss.account.setVatVerified.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.bss.account.pathKey() }),
    }),
  );
  const euNumber = isWellFormedVatNumber(account.billingAddress.country, account.taxId);
  const verified = account.vatVerified;
  return (
    <div className="space-y-1" data-testid="vat-number">
      <p className="font-mono">{account.taxId}</p>
      {euNumber && (
        <p className="flex flex-wrap items-center gap-2 text-xs">
          {verified ? (
            <Badge tone="green">
              Verified by {verified.by} on {formatDate(verified.at)}
            </Badge>
          ) : (
            <Badge tone="yellow">Format checked, not verified</Badge>
          )}
          {can("accounts.edit") && (
            <Button
              size="sm"
              variant="secondary"
              disabled={mark.isPending}
              onClick={() => mark.mutate({ accountId: account.id, verified: !verified })}
            >
              {verified ? "Remove the mark" : "Mark verified"}
            </Button>
          )}
        </p>
      )}
      {mark.isError && <Alert tone="error">{apiErrorMessage(mark.error)}</Alert>}
    </div>
  );
}

function EndCustomersCard({ account }: { account: AccountDetail }) {
  const can = useCan();
  return (
    <Card
      title={`End-customers (${account.endCustomers.length})`}
      actions={
        can("accounts.edit") && (
          <Link to={`/accounts/new?kind=END_CUSTOMER&parent=${account.id}`}>
            <Button size="sm" variant="secondary">
              Add end-customer
            </Button>
          </Link>
        )
      }
    >
      <Table
        rows={account.endCustomers}
        rowKey={(row) => row.id}
        empty="This reseller has no end-customers yet."
        columns={[
          { header: "Number", cell: (row) => <span className="font-mono text-xs">{row.number}</span> },
          {
            header: "Company",
            cell: (row) => (
              <Link to={`/accounts/${row.id}`} className="font-medium text-brand-700 hover:underline">
                {row.companyName}
              </Link>
            ),
          },
          { header: "Email", cell: (row) => row.email },
          {
            header: "Status",
            cell: (row) => (row.status === "ACTIVE" ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>),
          },
        ]}
      />
    </Card>
  );
}
