import { Alert, Button, Card, TextField, apiErrorMessage, fieldErrorsOf } from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import type { RouterInputs } from "@cm/domain/client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";

type Draft = RouterInputs["bss"]["notification"]["template"]["preview"];

/** Sends the draft as it is in the editor (sample values) to one address, through the real outbox. */
export function SendTestEmail({ draft, defaultTo }: { draft: Draft; defaultTo: string }) {
  const trpc = useTRPC();
  const [to, setTo] = useState(defaultTo);
  const [idempotencyKey, setKey] = useState(newIdempotencyKey);
  const send = useMutation(
    trpc.bss.notification.template.sendTest.mutationOptions({ onSuccess: () => setKey(newIdempotencyKey()) }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate({ ...draft, to, idempotencyKey });
  }

  return (
    <Card title="Send a test email">
      <form onSubmit={submit} className="space-y-3" noValidate>
        <TextField
          label="Send a test to"
          type="email"
          value={to}
          onChange={setTo}
          error={fieldErrorsOf(send.error).to?.[0]}
          hint="The draft above, with sample values and “[Test]” before the subject."
        />
        {send.isError && !fieldErrorsOf(send.error).to && <Alert tone="error">{apiErrorMessage(send.error)}</Alert>}
        {send.isSuccess && (
          <Alert tone="success">
            Test email queued.{" "}
            <Link to={`/setup/notifications/log/${send.data.emailMessageId}`} className="font-medium underline">
              Follow its delivery
            </Link>
          </Alert>
        )}
        <div className="flex justify-end">
          <Button type="submit" variant="secondary" loading={send.isPending}>
            Send test email
          </Button>
        </div>
      </form>
    </Card>
  );
}
