import { eventVariable, type TemplateDefinition } from "./definition.ts";

export const welcomeStandardStorefront: TemplateDefinition = {
  key: "welcome-standard-storefront",
  name: "Welcome to Standard Reseller Storefront",
  description: "Sent to the reseller's primary contact (and extra recipients) when it upgrades to the Standard plan.",
  audience: "account",
  variables: [
    eventVariable("reseller_name", "The reseller's company name", "Contoso IT Partners"),
    eventVariable("alias", "The reseller's Storefront alias", "contoso"),
    eventVariable("storefront_url", "Address of the reseller's own Storefront", "https://shop.example/contoso"),
  ],
  defaults: {
    subject: "Welcome to your Standard Reseller Storefront, {{ reseller_name }}",
    html: `<p>Hello {{ recipient_name }},</p>
<p>{{ reseller_name }} is now on the <strong>Standard</strong> reseller plan. Your own Storefront, with the alias <strong>{{ alias }}</strong>, is ready:</p>
<p><a href="{{ storefront_url }}">{{ storefront_url }}</a></p>
<p>Your customers log in there; you log in with the same credentials you use on our Storefront.</p>
<p>Kind regards,<br>{{ distributor_name }}</p>`,
    text: `Hello {{ recipient_name }},

{{ reseller_name }} is now on the Standard reseller plan. Your own Storefront, with the alias "{{ alias }}", is ready:

{{ storefront_url }}

Your customers log in there; you log in with the same credentials you use on our Storefront.

Kind regards,
{{ distributor_name }}`,
  },
};
