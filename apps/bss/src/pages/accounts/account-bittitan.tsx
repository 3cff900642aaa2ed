import {
  Alert,
  Badge,
  Button,
  Card,
  Details,
  FormGrid,
  TextField,
  apiErrorMessage,
  fieldErrorsOf,
  formatDateTime,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useCan } from "../../components/use-can.ts";

/** The account's Provisioning Sync Status and its "Sync Options". */
export function BitTitanSyncCard({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const sync = useQuery(trpc.bss.bittitan.accountSync.queryOptions({ accountId }));
  const [open, setOpen] = useState(false);
  const can = useCan();
  if (!sync.data) return null;
  const data = sync.data;
  return (
    <Card
      title="BitTitan"
      actions={
        data.status === "SYNCHRONIZED" ? (
          <Badge tone="green">Synchronized</Badge>
        ) : (
          <Badge tone="yellow">UnSynchronized</Badge>
        )
      }
    >
      {data.usesResellerCredentials ? (
        <p className="text-sm text-slate-600">
          End-customers are provisioned with their reseller&apos;s BitTitan credentials (Tier-2).
        </p>
      ) : (
        <>
          <Details
            items={[
              {
                label: "Provisioning Sync Status",
                value: data.status === "SYNCHRONIZED" ? "Synchronized" : "UnSynchronized",
              },
              { label: "BitTitan email", value: data.email },
              { label: "Synchronized", value: data.syncedAt ? formatDateTime(data.syncedAt) : null },
            ]}
          />
          {data.lastError && data.status !== "SYNCHRONIZED" && (
            <div className="mt-4">
              <Alert tone="error">{data.lastError}</Alert>
            </div>
          )}
          {open ? (
            <SyncOptionsForm accountId={accountId} email={data.email ?? ""} onDone={() => setOpen(false)} />
          ) : (
            can("accounts.sync") && (
              <div className="mt-4">
                <Button variant="secondary" onClick={() => setOpen(true)}>
                  Sync Options
                </Button>
              </div>
            )
          )}
        </>
      )}
    </Card>
  );
}

function SyncOptionsForm({
  accountId,
  email: savedEmail,
  onDone,
}: {
  accountId: string;
  email: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(savedEmail);
  const [password, setPassword] = useState("");
  const synchronize = useMutation(
    trpc.bss.bittitan.synchronizeAccount.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.bss.pathKey() });
        onDone();
      },
      onError: () => queryClient.invalidateQueries({ queryKey: trpc.bss.bittitan.accountSync.queryKey({ accountId }) }),
    }),
  );
  const errors = fieldErrorsOf(synchronize.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    synchronize.mutate({ accountId, email, password });
  }

  return (
    <form onSubmit={submit} className="mt-4 space-y-4 border-t border-slate-200 pt-4" noValidate>
      <p className="text-sm text-slate-600">
        The account&apos;s BitTitan login. The password is stored encrypted and never shown again.
      </p>
      {synchronize.isError && <Alert tone="error">{apiErrorMessage(synchronize.error)}</Alert>}
      <FormGrid>
        <TextField
          label="BitTitan email address"
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={errors.email?.[0]}
        />
        <TextField
          label="BitTitan password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.password?.[0]}
        />
      </FormGrid>
      <div className="flex gap-2">
        <Button type="submit" loading={synchronize.isPending}>
          Save &amp; Synchronize
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
