import { Alert, Button, Card, Details, Loading, PageHeader, apiErrorMessage, formatDateTime } from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { EmailStatusBadge } from "./delivery-log.tsx";
import { useCan } from "../../components/use-can.ts";

/** One email of the delivery log, as it was rendered, with its delivery history and a Resend action. */
export function EmailDetailPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id = "" } = useParams();
  const [part, setPart] = useState<"html" | "text">("html");
  const [idempotencyKey, setKey] = useState(newIdempotencyKey);
  const can = useCan();
  const email = useQuery({
    ...trpc.bss.notification.message.get.queryOptions({ id }),
    refetchInterval: (query) => (query.state.data?.status === "QUEUED" ? 2_000 : false),
  });
  const resend = useMutation(
    trpc.bss.notification.message.resend.mutationOptions({
      onSuccess: async (copy) => {
        setKey(newIdempotencyKey());
        await queryClient.invalidateQueries({ queryKey: trpc.bss.notification.message.pathKey() });
        void navigate(`/setup/notifications/log/${copy.id}`);
      },
    }),
  );
  if (email.isPending) return <Loading />;
  if (email.isError) return <Alert tone="error">{apiErrorMessage(email.error)}</Alert>;
  const data = email.data;

  return (
    <>
      <PageHeader
        title={data.subject}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <Link to="/setup/notifications/log" className="text-brand-700 hover:underline">
              Delivery log
            </Link>
            <EmailStatusBadge status={data.status} />
            <span>{data.templateName}</span>
          </span>
        }
        actions={
          can("notifications.resend") && (
            <Button
              variant="secondary"
              disabled={data.status === "QUEUED"}
              loading={resend.isPending}
              onClick={() => resend.mutate({ id: data.id, idempotencyKey })}
            >
              Resend
            </Button>
          )
        }
      />
      <div className="space-y-6">
        {resend.isError && <Alert tone="error">{apiErrorMessage(resend.error)}</Alert>}
        {data.status === "QUEUED" && data.attempts > 0 && (
          <Alert tone="warning" title="Waiting for the mail server">
            {data.attempts} attempt{data.attempts === 1 ? "" : "s"} so far; the next one{" "}
            {data.nextAttemptAt ? `at ${formatDateTime(data.nextAttemptAt)}` : "soon"}.
          </Alert>
        )}
        <Card title="Delivery">
          <Details
            items={[
              { label: "From", value: data.from },
              { label: "To", value: data.to.join(", ") || null },
              { label: "CC", value: data.cc.join(", ") || null },
              { label: "BCC", value: data.bcc.join(", ") || null },
              {
                label: "Account",
                value: data.account ? (
                  <Link to={`/accounts/${data.account.id}`} className="text-brand-700 hover:underline">
                    {data.account.companyName}
                  </Link>
                ) : null,
              },
              { label: "Queued", value: formatDateTime(data.queuedAt) },
              { label: "Sent", value: data.sentAt ? formatDateTime(data.sentAt) : null },
              { label: "Attempts", value: String(data.attempts) },
              { label: "Last error", value: data.lastError },
              { label: "Message-ID", value: <span className="break-all font-mono text-xs">{data.messageId}</span> },
              { label: "Event", value: <span className="break-all font-mono text-xs">{data.eventKey}</span> },
              {
                label: "Resent",
                value: data.resendOfId ? (
                  <Link to={`/setup/notifications/log/${data.resendOfId}`} className="text-brand-700 hover:underline">
                    Copy of an earlier email{data.requestedBy ? `, sent again by ${data.requestedBy}` : ""}
                  </Link>
                ) : data.resends.length > 0 ? (
                  data.resends.map((copy) => (
                    <Link
                      key={copy.id}
                      to={`/setup/notifications/log/${copy.id}`}
                      className="block text-brand-700 hover:underline"
                    >
                      {formatDateTime(copy.queuedAt)} by {copy.requestedBy ?? "staff"}
                    </Link>
                  ))
                ) : null,
              },
            ]}
          />
        </Card>
        <Card
          title="Content"
          actions={
            <Button size="sm" variant="ghost" onClick={() => setPart(part === "html" ? "text" : "html")}>
              {part === "html" ? "Show plain text" : "Show HTML"}
            </Button>
          }
        >
          {part === "html" ? (
            <iframe
              title="Email HTML"
              sandbox=""
              srcDoc={data.html}
              className="h-[600px] w-full rounded border border-slate-200 bg-white"
            />
          ) : (
            <pre className="whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs">{data.text}</pre>
          )}
        </Card>
      </div>
    </>
  );
}
