import { Alert, ApiKeysView, Loading, PageHeader, apiErrorMessage } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

/** Setup > API keys: the distributor's keys for the public API (administrators). */
export function ApiKeysPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.bss.apiKey.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bss.apiKey.list.queryKey() });
  const create = useMutation(trpc.bss.apiKey.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.bss.apiKey.revoke.mutationOptions({ onSuccess: refresh }));
  if (keys.isPending) return <Loading />;
  if (keys.isError) return <Alert tone="error">{apiErrorMessage(keys.error)}</Alert>;
  return (
    <>
      <PageHeader title="API keys" subtitle="Credentials for your own systems (a PSA, an ERP) to call the API" />
      <ApiKeysView
        keys={keys.data}
        scopeNote="A key acts for the distributor with the scopes you give it, and no more: it cannot reach setup, staff or the catalog's settings. Requests to /trpc authenticate with 'Authorization: Bearer <key>'."
        create={(values) => create.mutateAsync(values)}
        createError={create.error}
        revoke={(id) => revoke.mutateAsync({ id })}
        revokeError={revoke.error}
      />
    </>
  );
}
