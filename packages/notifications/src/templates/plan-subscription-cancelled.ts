import { eventVariable, type TemplateDefinition } from "./definition.ts";

export const planSubscriptionCancelled: TemplateDefinition = {
  key: "plan-subscription-cancelled",
  name: "Plan subscription cancelled",
  description:
    "Sent to the reseller's primary contact when its cancelled plan subscription ends, at the end of the paid period.",
  audience: "account",
  variables: [
    eventVariable("account_name", "The reseller's company name", "Contoso IT Partners"),
    eventVariable("plan_name", "The cancelled plan", "Standard"),
    eventVariable("end_date", "Last day of the plan's features", "31 Mar 2026"),
  ],
  defaults: {
    subject: "Your {{ plan_name }} plan subscription is cancelled",
    html: `<p>Hello {{ recipient_name }},</p>
<p>The <strong>{{ plan_name }}</strong> plan subscription of {{ account_name }} has been cancelled: its features ended on <strong>{{ end_date }}</strong>, at the end of the paid period, and your account is back on the Basic plan. Nobody can log in at your own Storefront address any more.</p>
<p>Your storefront settings are kept for a while. To come back, subscribe to a plan again at any time.</p>
<p>Kind regards,<br>{{ distributor_name }}</p>`,
    text: `Hello {{ recipient_name }},

The {{ plan_name }} plan subscription of {{ account_name }} has been cancelled: its features ended on {{ end_date }}, at the end of the paid period, and your account is back on the Basic plan. Nobody can log in at your own Storefront address any more.

Your storefront settings are kept for a while. To come back, subscribe to a plan again at any time.

Kind regards,
{{ distributor_name }}`,
  },
};
