import {
  AddressFields,
  Alert,
  Button,
  Card,
  CheckboxField,
  CompanyFields,
  ContactFields,
  FormSection,
  Loading,
  PageHeader,
  SelectField,
  apiErrorMessage,
  currencyOptions,
  fieldErrorsOf,
  useAccountValues,
  type FieldErrors,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { KIND_LABELS } from "../../components/labels.tsx";
import { useCan } from "../../components/use-can.ts";

type CustomerKind = "RESELLER" | "DIRECT_CUSTOMER" | "END_CUSTOMER";
type AccountDetail = RouterOutputs["bss"]["account"]["get"];

export function AccountNewPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [kind, setKind] = useState<CustomerKind>((params.get("kind") as CustomerKind | null) ?? "RESELLER");
  const [parentId, setParentId] = useState(params.get("parent") ?? "");
  const { company, setCompany, address, setAddress, contact, setContact } = useAccountValues();
  const [currency, setCurrency] = useState("EUR");
  const [priceListId, setPriceListId] = useState("");
  const [invite, setInvite] = useState(false);
  const can = useCan();
  const [idempotencyKey] = useState(newIdempotencyKey);

  const resellers = useQuery({
    ...trpc.bss.account.list.queryOptions({ kind: "RESELLER", page: 1, pageSize: 100 }),
    enabled: kind === "END_CUSTOMER",
  });
  const create = useMutation(
    trpc.bss.account.create.mutationOptions({
      onSuccess: async (account) => {
        await queryClient.invalidateQueries({ queryKey: trpc.bss.account.pathKey() });
        void navigate(`/accounts/${account.id}`, {
          state: invite ? { invitationSentTo: account.invitationSentTo } : null,
        });
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);

  function changeCurrency(value: string) {
    setCurrency(value);
    setPriceListId("");
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      idempotencyKey,
      kind,
      parentId: kind === "END_CUSTOMER" ? parentId || null : null,
      ...company,
      billingAddress: address,
      currency,
      primaryContact: contact,
      invitePrimaryContact: invite,
      priceListId: kind === "END_CUSTOMER" ? null : priceListId || null,
    });
  }

  return (
    <>
      <PageHeader
        title="New account"
        subtitle="A reseller, a direct customer, or an end-customer owned by a reseller"
      />
      <Card>
        <form onSubmit={submit} className="space-y-6" noValidate>
          {create.isError && <Alert tone="error">{apiErrorMessage(create.error)}</Alert>}
          <FormSection title="Account type">
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <SelectField
                label="Type"
                value={kind}
                onChange={(value) => setKind(value as CustomerKind)}
                options={(["RESELLER", "DIRECT_CUSTOMER", "END_CUSTOMER"] as const).map((value) => ({
                  value,
                  label: KIND_LABELS[value],
                }))}
                error={errors.kind?.[0]}
              />
              {kind === "END_CUSTOMER" && (
                <SelectField
                  label="Owning reseller"
                  value={parentId}
                  onChange={setParentId}
                  placeholder="Choose a reseller"
                  options={(resellers.data?.items ?? []).map((reseller) => ({
                    value: reseller.id,
                    label: reseller.companyName,
                  }))}
                  error={errors.parentId?.[0]}
                />
              )}
            </div>
          </FormSection>
          <CompanyAndBilling
            values={{ company, setCompany, address, setAddress }}
            errors={errors}
            currency={currency}
            onCurrency={changeCurrency}
            priceList={
              kind !== "END_CUSTOMER" && (
                <PriceListField
                  currency={currency}
                  value={priceListId}
                  onChange={setPriceListId}
                  error={errors.priceListId?.[0]}
                />
              )
            }
          />
          <FormSection title="Primary contact" description="Receives notifications and is the billing contact.">
            <div className="space-y-4">
              <ContactFields value={contact} onChange={setContact} errors={errors} />
              {can("accounts.logins") && (
                <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                  <CheckboxField
                    label="Invite to the Storefront"
                    checked={invite}
                    onChange={setInvite}
                    hint="Gives this contact a Storefront login and emails a link to choose the password."
                  />
                </div>
              )}
            </div>
          </FormSection>
          <div className="flex justify-end gap-2">
            <Link to="/accounts">
              <Button variant="secondary">Cancel</Button>
            </Link>
            <Button type="submit" loading={create.isPending}>
              Create account
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}

export function AccountEditPage() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const account = useQuery(trpc.bss.account.get.queryOptions({ id }));
  if (account.isPending) return <Loading />;
  if (account.isError) return <Alert tone="error">{apiErrorMessage(account.error)}</Alert>;
  return <EditForm account={account.data} />;
}

function EditForm({ account }: { account: AccountDetail }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { company, setCompany, address, setAddress } = useAccountValues(account);
  const [currency, setCurrency] = useState(account.currency);
  const [priceListId, setPriceListId] = useState(account.priceList?.id ?? "");
  const [status, setStatus] = useState(account.status);
  const buys = account.kind !== "END_CUSTOMER";
  const update = useMutation(
    trpc.bss.account.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.bss.account.pathKey() });
        void navigate(`/accounts/${account.id}`);
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);

  function changeCurrency(value: string) {
    setCurrency(value);
    // A price list prices in one currency: back to the account's own list only in its currency.
    setPriceListId(value === account.currency ? (account.priceList?.id ?? "") : "");
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({
      id: account.id,
      ...company,
      billingAddress: address,
      currency,
      status,
      priceListId: buys ? priceListId || null : null,
    });
  }

  return (
    <>
      <PageHeader title={`Edit ${account.companyName}`} subtitle={`${account.number} · ${KIND_LABELS[account.kind]}`} />
      <Card>
        <form onSubmit={submit} className="space-y-6" noValidate>
          {update.isError && <Alert tone="error">{apiErrorMessage(update.error)}</Alert>}
          <CompanyAndBilling
            values={{ company, setCompany, address, setAddress }}
            errors={errors}
            currency={currency}
            onCurrency={changeCurrency}
            priceList={
              buys && (
                <PriceListField
                  currency={currency}
                  value={priceListId}
                  onChange={setPriceListId}
                  error={errors.priceListId?.[0]}
                />
              )
            }
          >
            <SelectField
              label="Status"
              value={status}
              onChange={(value) => setStatus(value as typeof status)}
              options={[
                { value: "ACTIVE", label: "Active" },
                { value: "INACTIVE", label: "Inactive (cannot log in or order)" },
              ]}
            />
          </CompanyAndBilling>
          <div className="flex justify-end gap-2">
            <Link to={`/accounts/${account.id}`}>
              <Button variant="secondary">Cancel</Button>
            </Link>
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}

/** The account's price list: only lists in its currency are offered (none: the products' own prices). */
function PriceListField({
  currency,
  value,
  onChange,
  error,
}: {
  currency: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const lists = useQuery(trpc.bss.priceList.list.queryOptions({ currency }));
  return (
    <SelectField
      label="Price list"
      value={value}
      onChange={onChange}
      placeholder="None (the catalog's prices)"
      options={(lists.data ?? []).map((list) => ({ value: list.id, label: list.name }))}
      error={error}
    />
  );
}

type AccountValues = ReturnType<typeof useAccountValues>;

/** The Company and Billing sections of both account forms; `priceList` and `children` follow the currency. */
function CompanyAndBilling({
  values,
  errors,
  currency,
  onCurrency,
  priceList,
  children,
}: {
  values: Pick<AccountValues, "company" | "setCompany" | "address" | "setAddress">;
  errors: FieldErrors;
  currency: string;
  onCurrency: (value: string) => void;
  priceList: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <FormSection title="Company">
        <CompanyFields value={values.company} onChange={values.setCompany} errors={errors} />
      </FormSection>
      <FormSection title="Billing">
        <div className="space-y-4">
          <AddressFields value={values.address} onChange={values.setAddress} errors={errors} />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <SelectField
              label="Currency"
              value={currency}
              onChange={onCurrency}
              options={currencyOptions}
              error={errors.currency?.[0]}
            />
            {priceList}
            {children}
          </div>
        </div>
      </FormSection>
    </>
  );
}
