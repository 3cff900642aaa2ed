import {
  Alert,
  Badge,
  Button,
  Confirm,
  PageHeader,
  Pagination,
  Table,
  TextField,
  apiErrorMessage,
  formatDate,
  formatDateTime,
  useDebounced,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { MyStorefrontTabs } from "./tabs.tsx";

type Customer = RouterOutputs["storefront"]["myStorefront"]["customers"]["list"]["items"][number];

const LOGIN_BADGES: Record<Customer["login"], { label: string; tone: "gray" | "yellow" | "green" | "red" }> = {
  NONE: { label: "No login", tone: "gray" },
  INVITED: { label: "Invited", tone: "yellow" },
  ACTIVE: { label: "Can sign in", tone: "green" },
  DEACTIVATED: { label: "Deactivated", tone: "red" },
};

/** Storefront > My storefront > Customers: the reseller's end-customers' contacts and their login at its storefront. */
export function MyStorefrontCustomersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const debounced = useDebounced(search);
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [debounced]);
  const list = useQuery({
    ...trpc.storefront.myStorefront.customers.list.queryOptions({
      search: debounced || undefined,
      page,
      pageSize: 25,
    }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Customer | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.storefront.myStorefront.customers.list.queryKey() });
  const sent = (result: { customer: Customer; invitationSentTo: string | null }) => {
    setNotice(
      result.invitationSentTo
        ? `Invitation sent to ${result.invitationSentTo}: the link lets ${result.customer.name} choose a password at your storefront.`
        : "Your distributor has turned the invitation email off, so no email was sent.",
    );
    return refresh();
  };
  const done = (message: string) => {
    setNotice(message);
    setConfirming(null);
    return refresh();
  };
  const invite = useMutation(trpc.storefront.myStorefront.customers.invite.mutationOptions({ onSuccess: sent }));
  const resend = useMutation(
    trpc.storefront.myStorefront.customers.resendInvitation.mutationOptions({ onSuccess: sent }),
  );
  const deactivate = useMutation(
    trpc.storefront.myStorefront.customers.deactivate.mutationOptions({
      onSuccess: (customer) => done(`${customer.name} can no longer sign in at your storefront.`),
    }),
  );
  const reactivate = useMutation(
    trpc.storefront.myStorefront.customers.reactivate.mutationOptions({
      onSuccess: (customer) => done(`${customer.name} can sign in at your storefront again.`),
    }),
  );
  const failure = invite.error ?? resend.error ?? deactivate.error ?? reactivate.error;
  const before = () => {
    setNotice(null);
    for (const mutation of [invite, resend, deactivate, reactivate]) mutation.reset();
  };

  return (
    <>
      <PageHeader title="My storefront" subtitle="Customers" />
      <MyStorefrontTabs />
      {list.isError ? (
        <Alert tone="info">{apiErrorMessage(list.error)}</Alert>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            Invite your end-customers' contacts to your storefront
            {list.data && (
              <>
                {" "}
                at{" "}
                <a href={list.data.storefront.url} className="break-all text-brand-700 underline">
                  {list.data.storefront.url}
                </a>
              </>
            )}
            : they get an email in your name with a link to choose a password, then sign in there and see your prices.
          </p>
          {notice && <Alert tone="success">{notice}</Alert>}
          {failure && <Alert tone="error">{apiErrorMessage(failure)}</Alert>}
          {confirming && (
            <Confirm
              title={`Deactivate ${confirming.name}'s login?`}
              confirmLabel="Deactivate"
              danger
              pending={deactivate.isPending}
              onConfirm={() => deactivate.mutate({ contactId: confirming.contactId })}
              onBack={() => setConfirming(null)}
            >
              {confirming.name} is signed out of your storefront at once and cannot sign in there until you reactivate
              the login.
            </Confirm>
          )}
          <div className="max-w-sm">
            <TextField
              label="Search"
              type="search"
              placeholder="Name, email or company"
              value={search}
              onChange={setSearch}
            />
          </div>
          {list.data && (
            <>
              <Table
                rows={list.data.items}
                rowKey={(row) => row.contactId}
                empty={
                  debounced
                    ? `No contact matches “${debounced}”.`
                    : "Your end-customers have no contacts yet: add end-customers under End-customers."
                }
                columns={[
                  {
                    header: "Contact",
                    cell: (row) => (
                      <div>
                        <div className="font-medium text-slate-900">{row.name}</div>
                        <div className="text-xs text-slate-500">{row.email}</div>
                      </div>
                    ),
                  },
                  { header: "Company", cell: (row) => row.endCustomer.companyName },
                  {
                    header: "Login at your storefront",
                    cell: (row) => (
                      <div className="space-y-1">
                        <Badge tone={LOGIN_BADGES[row.login].tone}>{LOGIN_BADGES[row.login].label}</Badge>
                        <LoginDetail row={row} />
                      </div>
                    ),
                  },
                  {
                    header: "Actions",
                    cell: (row) => (
                      <div className="flex flex-wrap gap-2">
                        {row.login === "NONE" && (
                          <Button
                            size="sm"
                            loading={invite.isPending && invite.variables?.contactId === row.contactId}
                            onClick={() => {
                              before();
                              invite.mutate({ contactId: row.contactId });
                            }}
                          >
                            Invite
                          </Button>
                        )}
                        {row.login === "INVITED" && (
                          <Button
                            size="sm"
                            variant="secondary"
                            loading={resend.isPending && resend.variables?.contactId === row.contactId}
                            onClick={() => {
                              before();
                              resend.mutate({ contactId: row.contactId });
                            }}
                          >
                            Resend invitation
                          </Button>
                        )}
                        {(row.login === "INVITED" || row.login === "ACTIVE") && (
                          <Button
                            size="sm"
                            variant="secondary"
                            onClick={() => {
                              before();
                              setConfirming(row);
                            }}
                          >
                            Deactivate
                          </Button>
                        )}
                        {row.login === "DEACTIVATED" && (
                          <Button
                            size="sm"
                            variant="secondary"
                            loading={reactivate.isPending && reactivate.variables?.contactId === row.contactId}
                            onClick={() => {
                              before();
                              reactivate.mutate({ contactId: row.contactId });
                            }}
                          >
                            Reactivate
                          </Button>
                        )}
                      </div>
                    ),
                  },
                ]}
              />
              <Pagination
                page={list.data.page}
                pageSize={list.data.pageSize}
                total={list.data.total}
                onPage={setPage}
              />
            </>
          )}
        </div>
      )}
    </>
  );
}

function LoginDetail({ row }: { row: Customer }) {
  const parts: string[] = [];
  if (row.login === "INVITED" && row.invitationExpiresAt)
    parts.push(
      new Date(row.invitationExpiresAt) > new Date()
        ? `Link valid until ${formatDate(row.invitationExpiresAt)}`
        : "The link has expired: resend the invitation",
    );
  else if (row.invitedAt) parts.push(`Invited ${formatDate(row.invitedAt)}`);
  if (row.lastSignInAt) parts.push(`Last signed in ${formatDateTime(row.lastSignInAt)}`);
  if (parts.length === 0) return null;
  return <div className="text-xs text-slate-500">{parts.join(" · ")}</div>;
}
