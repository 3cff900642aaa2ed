import type { RouterInputs } from "@cm/domain/client";
import { Alert, Button, apiErrorMessage } from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

type Filter = RouterInputs["bss"]["asset"]["countFailed"];

/**
 * "Retry all failed": the FAILED assets among those the list's filters show get
 * a new retry window and an attempt each; then the batch's progress until every
 * one is synchronized or failed again. A second click finds none still FAILED.
 */
export function RetryFailed({ filter }: { filter: Filter }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [idempotencyKey, setKey] = useState(newIdempotencyKey);
  const [batch, setBatch] = useState<{ batch: string; total: number } | null>(null);
  const count = useQuery({ ...trpc.bss.asset.countFailed.queryOptions(filter), enabled: confirming, staleTime: 0 });
  const retry = useMutation(
    trpc.bss.asset.retryFailed.mutationOptions({
      onSuccess: (result) => {
        setBatch(result);
        setConfirming(false);
        setKey(newIdempotencyKey());
        void queryClient.invalidateQueries({ queryKey: trpc.bss.asset.pathKey() });
      },
    }),
  );
  const progress = useQuery({
    ...trpc.bss.asset.retryProgress.queryOptions({ batch: batch?.batch ?? "" }),
    enabled: batch !== null && batch.total > 0,
    refetchInterval: (query) => (query.state.data && query.state.data.pending === 0 ? false : 1000),
  });
  const settled = progress.data ? progress.data.done + progress.data.failed : 0;
  // The list shows the assets' new states as they change.
  useEffect(() => {
    if (settled > 0) void queryClient.invalidateQueries({ queryKey: trpc.bss.asset.list.pathKey() });
  }, [settled, queryClient, trpc]);

  const running = batch !== null && batch.total > 0 && (!progress.data || progress.data.pending > 0);
  return (
    <div className="mb-4 space-y-2" data-testid="retry-failed">
      {!confirming && (
        <Button variant="secondary" size="sm" disabled={running} onClick={() => setConfirming(true)}>
          Retry all failed
        </Button>
      )}
      {confirming && count.data && (
        <Alert tone={count.data.count === 0 ? "info" : "warning"}>
          {count.data.count === 0 ? (
            <div className="flex items-center justify-between gap-3">
              <span>No failed assets match these filters.</span>
              <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
                Close
              </Button>
            </div>
          ) : (
            <div className="flex flex-wrap items-center justify-between gap-3">
              <span>
                {count.data.count > count.data.cap
                  ? `${count.data.count} failed assets match these filters; the oldest ${count.data.cap} are retried now, click again for the rest.`
                  : `Retry provisioning of ${count.data.count} failed ${count.data.count === 1 ? "asset" : "assets"} matching these filters?`}
              </span>
              <span className="flex gap-2">
                <Button size="sm" loading={retry.isPending} onClick={() => retry.mutate({ ...filter, idempotencyKey })}>
                  Retry {Math.min(count.data.count, count.data.cap)}
                </Button>
                <Button variant="secondary" size="sm" disabled={retry.isPending} onClick={() => setConfirming(false)}>
                  Keep
                </Button>
              </span>
            </div>
          )}
        </Alert>
      )}
      {count.isError && <Alert tone="error">{apiErrorMessage(count.error)}</Alert>}
      {retry.isError && <Alert tone="error">{apiErrorMessage(retry.error)}</Alert>}
      {batch && batch.total === 0 && (
        <Alert tone="info">No failed assets were left to retry: they are being retried already.</Alert>
      )}
      {batch && batch.total > 0 && (
        <Alert tone={running ? "info" : progress.data?.failed ? "warning" : "success"}>
          <span data-testid="retry-progress">
            {progress.data
              ? `${running ? "" : "Done: "}${progress.data.done} of ${batch.total} done, ${progress.data.failed} failed again`
              : `Retrying ${batch.total}…`}
          </span>
        </Alert>
      )}
    </div>
  );
}
