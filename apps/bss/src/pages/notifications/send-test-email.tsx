import { Alert, ApiForm, Card, FormTextField, SubmitButton, useSubmit, useZodForm } from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import type { RouterInputs } from "@cm/domain/client";
import { sendTestEmailInput } from "@cm/domain/schemas";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";

type Draft = RouterInputs["bss"]["notification"]["template"]["preview"];

/** The address only: the draft is the editor's. */
const recipientInput = sendTestEmailInput.pick({ to: true });

/** Sends the draft as it is in the editor (sample values) to one address, through the real outbox. */
export function SendTestEmail({ draft, defaultTo }: { draft: Draft; defaultTo: string }) {
  const trpc = useTRPC();
  const form = useZodForm(recipientInput, { defaultValues: { to: defaultTo } });
  const [idempotencyKey, setKey] = useState(newIdempotencyKey);
  const send = useMutation(
    trpc.bss.notification.template.sendTest.mutationOptions({ onSuccess: () => setKey(newIdempotencyKey()) }),
  );
  const onSubmit = useSubmit(form, (values) => send.mutateAsync({ ...draft, ...values, idempotencyKey }));

  return (
    <Card title="Send a test email">
      {/* A test address is no unsaved work: leaving the page doesn't ask. */}
      <ApiForm form={form} onSubmit={onSubmit} error={send.error} guard={false} className="space-y-3">
        <FormTextField
          control={form.control}
          name="to"
          label="Send a test to"
          type="email"
          hint="The draft above, with sample values and “[Test]” before the subject."
        />
        {send.isSuccess && (
          <Alert tone="success">
            Test email queued.{" "}
            <Link to={`/setup/notifications/log/${send.data.emailMessageId}`} className="font-medium underline">
              Follow its delivery
            </Link>
          </Alert>
        )}
        <div className="flex justify-end">
          <SubmitButton form={form} pending={send.isPending} variant="secondary">
            Send test email
          </SubmitButton>
        </div>
      </ApiForm>
    </Card>
  );
}
