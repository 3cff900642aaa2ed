import {
  Alert,
  ApiForm,
  Badge,
  Button,
  Card,
  Details,
  FormGrid,
  FormTextField,
  Loading,
  PageHeader,
  SubmitButton,
  apiErrorMessage,
  formatDateTime,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { activateServiceManagerInput } from "@cm/domain/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { useCan } from "../../components/use-can.ts";

/** Setup > BitTitan: the Service Manager connection and the services definition. */
export function BitTitanSetupPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const can = useCan();
  const manager = useQuery(trpc.bss.bittitan.serviceManager.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bss.pathKey() });
  const test = useMutation(trpc.bss.bittitan.test.mutationOptions({ onSuccess: refresh }));
  const importDefinition = useMutation(
    trpc.bss.bittitan.importServicesDefinition.mutationOptions({ onSuccess: refresh }),
  );
  if (manager.isPending) return <Loading />;
  if (manager.isError) return <Alert tone="error">{apiErrorMessage(manager.error)}</Alert>;
  const data = manager.data;
  const maySetUp = can("bittitan.setup");

  return (
    <>
      <PageHeader
        title="BitTitan Service Manager"
        subtitle="The connection to BitTitan's partner API and the products it provides"
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card
          title="Connection"
          actions={data.active ? <Badge tone="green">Active</Badge> : <Badge tone="yellow">Not activated</Badge>}
        >
          <Details
            items={[
              { label: "API address", value: data.baseUrl },
              { label: "API key", value: data.apiKeySaved ? "Saved (hidden)" : "Not set" },
              { label: "Activated", value: data.activatedAt ? formatDateTime(data.activatedAt) : null },
              { label: "Last checked", value: data.lastCheckedAt ? formatDateTime(data.lastCheckedAt) : null },
            ]}
          />
          {data.lastError && (
            <div className="mt-4">
              <Alert tone="error" title="Last check failed">
                {data.lastError}
              </Alert>
            </div>
          )}
          {test.isSuccess && !data.lastError && (
            <div className="mt-4">
              <Alert tone="success">Connection works.</Alert>
            </div>
          )}
          {test.isError && (
            <div className="mt-4">
              <Alert tone="error">{apiErrorMessage(test.error)}</Alert>
            </div>
          )}
          {data.active && maySetUp && (
            <div className="mt-4">
              <Button variant="secondary" onClick={() => test.mutate()} loading={test.isPending}>
                Test connection
              </Button>
            </div>
          )}
          {maySetUp && <ActivationForm baseUrl={data.baseUrl ?? ""} keySaved={data.apiKeySaved} onDone={refresh} />}
        </Card>
        <Card title="Services definition">
          <p className="text-sm text-slate-600">
            “Get Services Definition” imports BitTitan&apos;s SKUs and creates the product types{" "}
            <strong>BitTitan Mailbox License</strong> and <strong>BitTitan User Migration Bundle</strong>. Running it
            again updates them; it never duplicates.
          </p>
          <Details
            items={[
              { label: "SKUs imported", value: String(data.skuCount) },
              {
                label: "Product types",
                value: data.productTypes.length > 0 ? data.productTypes.map((type) => type.name).join(", ") : null,
              },
            ]}
          />
          {importDefinition.isSuccess && (
            <div className="mt-4">
              <Alert tone="success">
                Imported {importDefinition.data.skusImported} SKUs; {importDefinition.data.productTypesCreated} product
                types created, {importDefinition.data.productTypesUpdated} updated. Set their Expire/Validity days in{" "}
                <Link to="/catalog/product-types" className="underline">
                  Catalog &gt; Product types
                </Link>
                .
              </Alert>
            </div>
          )}
          {importDefinition.isError && (
            <div className="mt-4">
              <Alert tone="error">{apiErrorMessage(importDefinition.error)}</Alert>
            </div>
          )}
          {maySetUp && (
            <div className="mt-4">
              <Button
                onClick={() => importDefinition.mutate()}
                loading={importDefinition.isPending}
                disabled={!data.active}
              >
                Get Services Definition
              </Button>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}

function ActivationForm({
  baseUrl: savedUrl,
  keySaved,
  onDone,
}: {
  baseUrl: string;
  keySaved: boolean;
  onDone: () => Promise<void>;
}) {
  const trpc = useTRPC();
  // The key is never shown: empty (null) keeps the saved one.
  const form = useZodForm(activateServiceManagerInput, { defaultValues: { baseUrl: savedUrl, apiKey: null } });
  const activate = useMutation(trpc.bss.bittitan.activate.mutationOptions({ onSuccess: onDone }));
  const onSubmit = useSubmit(form, async (values) => {
    await activate.mutateAsync(values);
    form.reset({ baseUrl: values.baseUrl, apiKey: null });
  });

  return (
    <ApiForm
      form={form}
      onSubmit={onSubmit}
      error={activate.error}
      className="mt-6 space-y-4 border-t border-slate-200 pt-5"
    >
      <h3 className="text-sm font-semibold">{keySaved ? "Change the connection" : "Activate"}</h3>
      {activate.isSuccess && <Alert tone="success">Connected and activated.</Alert>}
      <FormGrid>
        <FormTextField control={form.control} name="baseUrl" label="API address" placeholder="https://" />
        <FormTextField
          control={form.control}
          name="apiKey"
          label="API key"
          type="password"
          autoComplete="off"
          emptyAsNull
          // Empty keeps the saved key; without one the key is needed.
          required={!keySaved}
          hint={keySaved ? "Leave empty to keep the saved key." : undefined}
        />
      </FormGrid>
      <SubmitButton form={form} pending={activate.isPending}>
        Save, test and activate
      </SubmitButton>
    </ApiForm>
  );
}
