import { eventVariable, type TemplateDefinition } from "./definition.ts";

export const passwordReset: TemplateDefinition = {
  key: "password-reset",
  name: "Password reset",
  description:
    "Sent when someone asks for a new password on the BSS or Storefront sign-in page (only to that user; the link is not kept in the Delivery log).",
  audience: "account",
  variables: [
    eventVariable("app_name", "Where the password is used: the back office or the Storefront", "Storefront"),
    eventVariable(
      "reset_link",
      "Single-use link to choose a new password",
      "https://shop.example/reset-password?token=sample",
      { secret: true },
    ),
    eventVariable("valid_for", "How long the link works", "1 hour"),
  ],
  defaults: {
    subject: "Reset your {{ app_name }} password",
    html: `<p>Hello {{ recipient_name }},</p>
<p>Someone, hopefully you, asked to reset the password of your {{ app_name }} login at {{ distributor_name }}.</p>
<p><a href="{{ reset_link }}">Choose a new password</a></p>
<p>The link works once, for {{ valid_for }}. If you did not ask for it, ignore this email: your password stays as it is.</p>
<p>Kind regards,<br>{{ distributor_name }}</p>`,
    text: `Hello {{ recipient_name }},

Someone, hopefully you, asked to reset the password of your {{ app_name }} login at {{ distributor_name }}.

Choose a new password: {{ reset_link }}

The link works once, for {{ valid_for }}. If you did not ask for it, ignore this email: your password stays as it is.

Kind regards,
{{ distributor_name }}`,
  },
};
