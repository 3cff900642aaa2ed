import { eventVariable, type TemplateDefinition } from "./definition.ts";

export const shopInvitation: TemplateDefinition = {
  key: "shop-invitation",
  name: "Storefront invitation",
  description:
    "Sent to a customer's contact when staff give it a Storefront login, to choose a password (the link is not kept in the Delivery log).",
  audience: "account",
  variables: [
    eventVariable("account_name", "The contact's company", "Contoso IT Partners"),
    eventVariable("storefront_url", "Where the contact signs in", "https://shop.example/"),
    eventVariable(
      "set_password_link",
      "Single-use link to choose a password",
      "https://shop.example/reset-password?token=sample",
      { secret: true },
    ),
    eventVariable("valid_for", "How long the link works", "7 days"),
  ],
  defaults: {
    subject: "Your {{ distributor_name }} Storefront login for {{ account_name }}",
    html: `<p>Hello {{ recipient_name }},</p>
<p>You can now buy and manage BitTitan licenses for {{ account_name }} on the {{ distributor_name }} Storefront: <a href="{{ storefront_url }}">{{ storefront_url }}</a>.</p>
<p><a href="{{ set_password_link }}">Choose your password</a></p>
<p>The link works once, for {{ valid_for }}. After that, use "Forgot password?" on the sign-in page.</p>
<p>Kind regards,<br>{{ distributor_name }}</p>`,
    text: `Hello {{ recipient_name }},

You can now buy and manage BitTitan licenses for {{ account_name }} on the {{ distributor_name }} Storefront: {{ storefront_url }}

Choose your password: {{ set_password_link }}

The link works once, for {{ valid_for }}. After that, use "Forgot password?" on the sign-in page.

Kind regards,
{{ distributor_name }}`,
  },
};
