import { Alert, ApiKeysView, Loading, PageHeader, apiErrorMessage } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";

/** A Standard reseller's API keys: its own systems reach its own account tree (itself and its end-customers). */
export function ApiKeysPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery({ ...trpc.storefront.apiKey.list.queryOptions(), retry: false });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.storefront.apiKey.list.queryKey() });
  const create = useMutation(trpc.storefront.apiKey.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.storefront.apiKey.revoke.mutationOptions({ onSuccess: refresh }));
  if (keys.isPending) return <Loading />;
  return (
    <>
      <PageHeader title="API keys" subtitle="Connect your own systems (a PSA, an ERP) to your account" />
      {keys.isError ? (
        <Alert tone="info">
          {apiErrorMessage(keys.error)}{" "}
          <Link to="/plans" className="underline">
            Reseller Plans
          </Link>
        </Alert>
      ) : (
        <ApiKeysView
          keys={keys.data}
          scopeNote="A key sees only your account and your end-customers, and does only what its scopes allow. Requests to /trpc authenticate with 'Authorization: Bearer <key>'."
          create={(values) => create.mutateAsync(values)}
          createError={create.error}
          revoke={(id) => revoke.mutateAsync({ id })}
          revokeError={revoke.error}
        />
      )}
    </>
  );
}
