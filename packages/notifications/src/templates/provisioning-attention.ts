import { eventVariable, type TemplateDefinition } from "./definition.ts";

export const provisioningAttention: TemplateDefinition = {
  key: "provisioning-attention",
  name: "Provisioning needs attention",
  description:
    "Sent to the distributor's administrators (and extra recipients) when a BitTitan coupon could not be provisioned and the automatic retries gave up, once per failure.",
  audience: "staff",
  variables: [
    eventVariable("asset_name", "Name of the asset", "Contoso mailbox move"),
    eventVariable("asset_id", "The asset's id", "4f6c2a9e-1b7d-4c3e-9a5f-0d2e8b7c6a41"),
    eventVariable("account_name", "Company that bought the asset", "Contoso IT Partners"),
    eventVariable("product_name", "BitTitan product", "MigrationWiz Mailbox Migration"),
    eventVariable("license_count", "Number of licenses ordered", 25),
    eventVariable("order_number", "Order number", "SO-10042"),
    eventVariable(
      "failure_reason",
      "Why provisioning failed, in full (BitTitan's words)",
      "BitTitan refused the request: the partner account is not allowed to buy this SKU",
    ),
    eventVariable(
      "asset_link",
      "The asset in the back office, where it can be retried",
      "https://market.example/bss/assets/4f6c2a9e-1b7d-4c3e-9a5f-0d2e8b7c6a41",
    ),
  ],
  defaults: {
    subject: "Provisioning needs attention: {{ asset_name }} ({{ account_name }})",
    html: `<p>Hello {{ recipient_name }},</p>
<p>The BitTitan coupon for <strong>{{ asset_name }}</strong> of {{ account_name }} could not be provisioned, and the automatic retries have stopped.</p>
<p>Order {{ order_number }}: {{ license_count }} × {{ product_name }}.</p>
<p>Reason: {{ failure_reason }}</p>
<p>The customer sees that the order needs attention. Once the cause is fixed, retry the provisioning on the asset: <a href="{{ asset_link }}">{{ asset_link }}</a></p>
<p>{{ distributor_name }} back office</p>`,
    text: `Hello {{ recipient_name }},

The BitTitan coupon for "{{ asset_name }}" of {{ account_name }} could not be provisioned, and the automatic retries have stopped.

Order {{ order_number }}: {{ license_count }} x {{ product_name }}.

Reason: {{ failure_reason }}

The customer sees that the order needs attention. Once the cause is fixed, retry the provisioning on the asset: {{ asset_link }}

{{ distributor_name }} back office`,
  },
};
