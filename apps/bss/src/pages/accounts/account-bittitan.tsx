import {
  Alert,
  ApiForm,
  Badge,
  Button,
  Card,
  Details,
  FormGrid,
  FormTextField,
  SubmitButton,
  formatDateTime,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { synchronizeAccountInput } from "@cm/domain/schemas";
import { useState } from "react";
import { useCan } from "../../components/use-can.ts";

/** The account's Provisioning Sync Status and its "Sync Options". */
export function BitTitanSyncCard({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sync = useQuery(trpc.bss.bittitan.accountSync.queryOptions({ accountId }));
  const [open, setOpen] = useState(false);
  const can = useCan();
  const synchronize = useMutation(
    trpc.bss.bittitan.synchronizeAccount.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.bss.pathKey() });
        setOpen(false);
      },
      onError: () => queryClient.invalidateQueries({ queryKey: trpc.bss.bittitan.accountSync.queryKey({ accountId }) }),
    }),
  );
  if (!sync.data) return null;
  const data = sync.data;
  // A refusal the open form is showing is not said a second time above it.
  const showLastError = !!data.lastError && data.status !== "SYNCHRONIZED" && !(open && synchronize.isError);
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
          {showLastError && (
            <div className="mt-4">
              <Alert tone="error">{data.lastError}</Alert>
            </div>
          )}
          {open ? (
            <SyncOptionsForm
              accountId={accountId}
              email={data.email ?? ""}
              synchronize={synchronize}
              onCancel={() => setOpen(false)}
            />
          ) : (
            can("accounts.sync") && (
              <div className="mt-4">
                <Button
                  variant="secondary"
                  onClick={() => {
                    synchronize.reset();
                    setOpen(true);
                  }}
                >
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

const syncOptionsInput = synchronizeAccountInput.omit({ accountId: true });

/** "Save & Synchronize", owned by the card, which shows the account's last refusal only while the form doesn't. */
type SynchronizeMutation = {
  error: unknown;
  mutateAsync: (input: { accountId: string; email: string; password: string }) => Promise<unknown>;
};

function SyncOptionsForm({
  accountId,
  email: savedEmail,
  synchronize,
  onCancel,
}: {
  accountId: string;
  email: string;
  synchronize: SynchronizeMutation;
  onCancel: () => void;
}) {
  const form = useZodForm(syncOptionsInput, { defaultValues: { email: savedEmail, password: "" } });
  const onSubmit = useSubmit(form, (values) => synchronize.mutateAsync({ accountId, ...values }));

  return (
    <ApiForm
      form={form}
      onSubmit={onSubmit}
      error={synchronize.error}
      guard={false}
      className="mt-4 space-y-4 border-t border-slate-200 pt-4"
    >
      <p className="text-sm text-slate-600">
        The account&apos;s BitTitan login. The password is stored encrypted and never shown again.
      </p>
      <FormGrid>
        <FormTextField
          control={form.control}
          name="email"
          label="BitTitan email address"
          type="email"
          autoComplete="off"
        />
        <FormTextField
          control={form.control}
          name="password"
          label="BitTitan password"
          type="password"
          autoComplete="new-password"
        />
      </FormGrid>
      <div className="flex gap-2">
        <SubmitButton form={form}>Save &amp; Synchronize</SubmitButton>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </ApiForm>
  );
}
