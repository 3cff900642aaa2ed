import { Alert } from "@cm/ui";

/** Says an invitation went out only when its email was really queued (the template may be turned off). */
export function InvitationNotice({ sentTo, template }: { sentTo: string | null; template: string }) {
  if (sentTo) return <Alert tone="success">Invitation sent to {sentTo}</Alert>;
  return (
    <Alert tone="warning">
      No invitation was sent: the “{template}” email is turned off under Setup &gt; Notifications. Turn it on, then use
      “Resend invitation”.
    </Alert>
  );
}
