import { eventVariable, type TemplateDefinition } from "./definition.ts";

export const planSubscriptionCancelled: TemplateDefinition = {
  key: "plan-subscription-cancelled",
  name: "Plan subscription cancelled",
  description: "Sent to the reseller's primary contact when its plan subscription is cancelled.",
  variables: [
    eventVariable("account_name", "The reseller's company name", "Contoso IT Partners"),
    eventVariable("plan_name", "The cancelled plan", "Standard"),
    eventVariable("end_date", "Last day of the plan's features", "2026-03-31"),
  ],
  defaults: {
    subject: "Your {{ plan_name }} plan subscription is cancelled",
    html: `<p>Hello {{ recipient_name }},</p>
<p>The <strong>{{ plan_name }}</strong> plan subscription of {{ account_name }} has been cancelled. You keep its features until <strong>{{ end_date }}</strong>; after that your account returns to the Basic plan.</p>
<p>To come back, subscribe to a plan again at any time.</p>
<p>Kind regards,<br>{{ distributor_name }}</p>`,
    text: `Hello {{ recipient_name }},

The {{ plan_name }} plan subscription of {{ account_name }} has been cancelled. You keep its features until {{ end_date }}; after that your account returns to the Basic plan.

To come back, subscribe to a plan again at any time.

Kind regards,
{{ distributor_name }}`,
  },
};
