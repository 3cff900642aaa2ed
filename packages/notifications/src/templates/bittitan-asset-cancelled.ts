import { eventVariable, type TemplateDefinition } from "./definition.ts";

export const bitTitanAssetCancelled: TemplateDefinition = {
  key: "bittitan-asset-cancelled",
  name: "BitTitan asset cancelled",
  description: "Sent to the asset's recipient when a BitTitan asset is cancelled and refunded.",
  audience: "account",
  variables: [
    eventVariable("account_name", "Company that owns the asset", "Contoso IT Partners"),
    eventVariable("asset_name", "Name of the cancelled asset", "Contoso mailbox move"),
    eventVariable("coupon_code", "The revoked coupon code", "BT-7K2Q-9XPM-4RWD"),
    eventVariable("credit_invoice_number", "Number of the credit invoice", "CN-2026-0007"),
    eventVariable("amount", "Amount credited, with its currency", "EUR 375.00"),
  ],
  defaults: {
    subject: "Cancelled: {{ asset_name }} (coupon {{ coupon_code }})",
    html: `<p>Hello {{ recipient_name }},</p>
<p>The BitTitan asset <strong>{{ asset_name }}</strong> of {{ account_name }} has been cancelled. Its coupon code <strong>{{ coupon_code }}</strong> can no longer be redeemed.</p>
<p>We issued credit invoice <strong>{{ credit_invoice_number }}</strong> for the full amount of <strong>{{ amount }}</strong>.</p>
<p>Kind regards,<br>{{ distributor_name }}</p>`,
    text: `Hello {{ recipient_name }},

The BitTitan asset "{{ asset_name }}" of {{ account_name }} has been cancelled. Its coupon code {{ coupon_code }} can no longer be redeemed.

We issued credit invoice {{ credit_invoice_number }} for the full amount of {{ amount }}.

Kind regards,
{{ distributor_name }}`,
  },
};
