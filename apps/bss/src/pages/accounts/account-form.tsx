import {
  AddressInputs,
  Alert,
  ApiForm,
  Button,
  Card,
  CompanyInputs,
  ContactInputs,
  FormCheckboxField,
  FormSection,
  FormSelectField,
  Loading,
  PageHeader,
  SubmitButton,
  addressValuesOf,
  apiErrorMessage,
  companyValuesOf,
  currencyOptions,
  emptyAddress,
  emptyCompany,
  emptyContact,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import {
  createAccountFields,
  customerKinds,
  idSchema,
  updateAccountFields,
  withVatNumberCheck,
} from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useWatch, type Control, type FieldPath, type FieldValues, type UseFormReturn } from "react-hook-form";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { z } from "zod";
import { KIND_LABELS } from "../../components/labels.tsx";
import { useCan } from "../../components/use-can.ts";

type CustomerKind = (typeof customerKinds)[number];
type AccountDetail = RouterOutputs["bss"]["account"]["get"];

/** An id chosen in a select whose first option is "none" (""), sent as null. */
const chosenId = idSchema.or(z.literal(""));
const idOrNull = (value: string | null | undefined) => value || null;

const billingCountry = ["billingAddress", "country"];

const newAccountForm = withVatNumberCheck(
  createAccountFields
    .omit({ primaryContactPassword: true })
    .extend({ parentId: chosenId, priceListId: chosenId, invitePrimaryContact: z.boolean() }),
  billingCountry,
);

const editAccountForm = withVatNumberCheck(
  updateAccountFields.omit({ id: true }).extend({ priceListId: chosenId }),
  billingCountry,
);

/** When the currency changes, the price list goes back to `priceListFor(currency)` (a list prices in one currency). */
function usePriceListFollowsCurrency<T extends { currency: string; priceListId: string }>(
  form: UseFormReturn<T>,
  priceListFor: (currency: string) => string,
) {
  const latest = useRef(priceListFor);
  latest.current = priceListFor;
  useEffect(() => {
    const { unsubscribe } = form.watch((values, { name }) => {
      if (name !== "currency") return;
      const field = "priceListId" as FieldPath<T>;
      form.setValue(field, latest.current(values.currency ?? "") as never, { shouldDirty: true });
    });
    return unsubscribe;
  }, [form, latest]);
}

export function AccountNewPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const can = useCan();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const form = useZodForm(newAccountForm, {
    defaultValues: {
      kind: (params.get("kind") as CustomerKind | null) ?? "RESELLER",
      parentId: params.get("parent") ?? "",
      ...emptyCompany,
      billingAddress: emptyAddress,
      currency: "EUR",
      priceListId: "",
      primaryContact: emptyContact,
      invitePrimaryContact: false,
    },
  });
  usePriceListFollowsCurrency(form, () => "");
  const kind = useWatch({ control: form.control, name: "kind" });

  const resellers = useQuery({
    ...trpc.bss.account.list.queryOptions({ kind: "RESELLER", page: 1, pageSize: 100 }),
    enabled: kind === "END_CUSTOMER",
  });
  const create = useMutation(trpc.bss.account.create.mutationOptions());
  const onSubmit = useSubmit(form, async (values) => {
    const endCustomer = values.kind === "END_CUSTOMER";
    const account = await create.mutateAsync({
      ...values,
      idempotencyKey,
      parentId: endCustomer ? idOrNull(values.parentId) : null,
      priceListId: endCustomer ? null : idOrNull(values.priceListId),
    });
    await queryClient.invalidateQueries({ queryKey: trpc.bss.account.pathKey() });
    form.reset(values);
    void navigate(`/accounts/${account.id}`, {
      state: values.invitePrimaryContact ? { invitationSentTo: account.invitationSentTo } : null,
    });
  });

  return (
    <>
      <PageHeader
        title="New account"
        subtitle="A reseller, a direct customer, or an end-customer owned by a reseller"
      />
      <Card>
        <ApiForm form={form} onSubmit={onSubmit} error={create.error} className="space-y-6">
          <FormSection title="Account type">
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <FormSelectField
                control={form.control}
                name="kind"
                label="Type"
                options={customerKinds.map((value) => ({ value, label: KIND_LABELS[value] }))}
              />
              {kind === "END_CUSTOMER" && (
                <FormSelectField
                  control={form.control}
                  name="parentId"
                  label="Owning reseller"
                  placeholder="Choose a reseller"
                  // An end-customer needs its reseller (the server's rule across fields).
                  required
                  options={(resellers.data?.items ?? []).map((reseller) => ({
                    value: reseller.id,
                    label: reseller.companyName,
                  }))}
                />
              )}
            </div>
          </FormSection>
          <CompanyAndBilling
            control={form.control}
            priceList={kind !== "END_CUSTOMER" && <PriceListField control={form.control} />}
          />
          <FormSection title="Primary contact" description="Receives notifications and is the billing contact.">
            <div className="space-y-4">
              <ContactInputs control={form.control} />
              {can("accounts.logins") && (
                <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                  <FormCheckboxField
                    control={form.control}
                    name="invitePrimaryContact"
                    label="Invite to the Storefront"
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
            <SubmitButton form={form}>Create account</SubmitButton>
          </div>
        </ApiForm>
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
  const buys = account.kind !== "END_CUSTOMER";
  const form = useZodForm(editAccountForm, {
    defaultValues: {
      ...companyValuesOf(account),
      billingAddress: addressValuesOf(account.billingAddress),
      currency: account.currency,
      status: account.status,
      priceListId: account.priceList?.id ?? "",
    },
  });
  // A price list prices in one currency: back to the account's own list only in its currency.
  usePriceListFollowsCurrency(form, (currency) => (currency === account.currency ? (account.priceList?.id ?? "") : ""));
  const update = useMutation(trpc.bss.account.update.mutationOptions());
  const onSubmit = useSubmit(form, async (values) => {
    await update.mutateAsync({
      ...values,
      id: account.id,
      priceListId: buys ? idOrNull(values.priceListId) : null,
    });
    await queryClient.invalidateQueries({ queryKey: trpc.bss.account.pathKey() });
    form.reset(values);
    void navigate(`/accounts/${account.id}`);
  });

  return (
    <>
      <PageHeader title={`Edit ${account.companyName}`} subtitle={`${account.number} · ${KIND_LABELS[account.kind]}`} />
      <Card>
        <ApiForm form={form} onSubmit={onSubmit} error={update.error} className="space-y-6">
          <CompanyAndBilling control={form.control} priceList={buys && <PriceListField control={form.control} />}>
            <FormSelectField
              control={form.control}
              name="status"
              label="Status"
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
            <SubmitButton form={form} showDirty>
              Save changes
            </SubmitButton>
          </div>
        </ApiForm>
      </Card>
    </>
  );
}

/** The fields both account forms have: the account's currency and price list. */
interface Billed extends FieldValues {
  currency: string;
  priceListId: string;
}

/** The account's price list: only lists in its currency are offered (none: the products' own prices). */
function PriceListField<T extends Billed>({ control }: { control: Control<T> }) {
  const trpc = useTRPC();
  const currency = useWatch({ control, name: "currency" as FieldPath<T> }) as string;
  const lists = useQuery(trpc.bss.priceList.list.queryOptions({ currency }));
  return (
    <FormSelectField
      control={control}
      name={"priceListId" as FieldPath<T>}
      label="Price list"
      placeholder="None (the catalog's prices)"
      options={(lists.data ?? []).map((list) => ({ value: list.id, label: list.name }))}
    />
  );
}

/** The Company and Billing sections of both account forms; `priceList` and `children` follow the currency. */
function CompanyAndBilling<T extends Billed>({
  control,
  priceList,
  children,
}: {
  control: Control<T>;
  priceList: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <FormSection title="Company">
        <CompanyInputs control={control} />
      </FormSection>
      <FormSection title="Billing">
        <div className="space-y-4">
          <AddressInputs control={control} />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <FormSelectField
              control={control}
              name={"currency" as FieldPath<T>}
              label="Currency"
              options={currencyOptions}
            />
            {priceList}
            {children}
          </div>
        </div>
      </FormSection>
    </>
  );
}
