import { eventVariable, type TemplateDefinition } from "./definition.ts";

export const staffInvitation: TemplateDefinition = {
  key: "staff-invitation",
  name: "Staff invitation",
  description:
    "Sent to a new staff user an administrator adds under Setup > Staff, to choose a password for the back office (the link is not kept in the Delivery log).",
  audience: "account",
  variables: [
    eventVariable("invited_by", "The administrator who added the user", "Ada Admin"),
    eventVariable("role", "The user's role", "Sales"),
    eventVariable(
      "set_password_link",
      "Single-use link to choose a password",
      "https://market.example/bss/reset-password?token=sample",
      { secret: true },
    ),
    eventVariable("valid_for", "How long the link works", "7 days"),
  ],
  defaults: {
    subject: "You are invited to the {{ distributor_name }} back office",
    html: `<p>Hello {{ recipient_name }},</p>
<p>{{ invited_by }} added you to the {{ distributor_name }} back office ({{ role }}).</p>
<p><a href="{{ set_password_link }}">Choose your password</a></p>
<p>The link works once, for {{ valid_for }}. After that, ask an administrator to send a new invitation.</p>
<p>Kind regards,<br>{{ distributor_name }}</p>`,
    text: `Hello {{ recipient_name }},

{{ invited_by }} added you to the {{ distributor_name }} back office ({{ role }}).

Choose your password: {{ set_password_link }}

The link works once, for {{ valid_for }}. After that, ask an administrator to send a new invitation.

Kind regards,
{{ distributor_name }}`,
  },
};
