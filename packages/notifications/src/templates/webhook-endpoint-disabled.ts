import { eventVariable, type TemplateDefinition } from "./definition.ts";

export const webhookEndpointDisabled: TemplateDefinition = {
  key: "webhook-endpoint-disabled",
  name: "Webhook endpoint disabled",
  description:
    "Sent to the distributor's administrators (and extra recipients) when a webhook endpoint was disabled automatically because its deliveries kept failing.",
  audience: "staff",
  variables: [
    eventVariable("endpoint_url", "The endpoint's address", "https://erp.example.com/hooks/cloudmarket"),
    eventVariable("endpoint_description", "The endpoint's description", "ERP order sync"),
    eventVariable("failed_attempts", "Attempts that failed in a row", 18),
    eventVariable("failing_since", "When the first of them failed", "3 Mar 2026, 09:00 UTC"),
    eventVariable("last_error", "What the last attempt got", "HTTP 503: Service Unavailable"),
    eventVariable("webhooks_link", "Setup > Webhooks in the back office", "https://market.example/bss/setup/webhooks"),
  ],
  defaults: {
    subject: "Webhook endpoint disabled: {{ endpoint_url }}",
    html: `<p>Hello {{ recipient_name }},</p>
<p>The webhook endpoint <strong>{{ endpoint_description }}</strong> (<code>{{ endpoint_url }}</code>) was disabled: its last {{ failed_attempts }} delivery attempts failed, the first on {{ failing_since }}, and none succeeded since.</p>
<p>Last error: {{ last_error }}</p>
<p>No more events are sent to it. Once the receiver works again, enable the endpoint and redeliver the events it missed from its delivery log: <a href="{{ webhooks_link }}">{{ webhooks_link }}</a></p>
<p>{{ distributor_name }} back office</p>`,
    text: `Hello {{ recipient_name }},

The webhook endpoint "{{ endpoint_description }}" ({{ endpoint_url }}) was disabled: its last {{ failed_attempts }} delivery attempts failed, the first on {{ failing_since }}, and none succeeded since.

Last error: {{ last_error }}

No more events are sent to it. Once the receiver works again, enable the endpoint and redeliver the events it missed from its delivery log: {{ webhooks_link }}

{{ distributor_name }} back office`,
  },
};
