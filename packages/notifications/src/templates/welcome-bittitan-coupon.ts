import { eventVariable, type TemplateDefinition } from "./definition.ts";

export const welcomeBitTitanCoupon: TemplateDefinition = {
  key: "welcome-bittitan-coupon",
  name: "Welcome BitTitan coupon",
  description: "Sent to the order's recipient when a BitTitan coupon code is provisioned.",
  audience: "account",
  variables: [
    eventVariable("account_name", "Company the licenses were bought for", "Contoso IT Partners"),
    eventVariable("product_name", "BitTitan product", "MigrationWiz Mailbox Migration"),
    eventVariable("license_count", "Number of licenses in the coupon", 25),
    eventVariable("coupon_code", "BitTitan coupon code to redeem", "BT-7K2Q-9XPM-4RWD"),
    eventVariable(
      "portal_link",
      "BitTitan portal address where the coupon is redeemed",
      "https://migrationwiz.bittitan.com/",
    ),
    eventVariable("expire_days", "Days the coupon code stays active", 365),
    eventVariable("validity_days", "Days the licenses can be used once redeemed", 365),
    eventVariable("coupon_expiry_date", "Date the coupon code expires", "02 Mar 2027"),
    eventVariable("asset_name", "Name of the asset", "Contoso mailbox move"),
    eventVariable("order_number", "Order number", "SO-10042"),
    eventVariable(
      "storefront_link",
      "Storefront where the order was placed (a reseller's own storefront for its customers)",
      "https://shop.example.com/",
    ),
  ],
  defaults: {
    subject: "Your BitTitan licenses for {{ account_name }}: coupon {{ coupon_code }}",
    html: `<p>Hello {{ recipient_name }},</p>
<p>Your order <strong>{{ order_number }}</strong> is ready: <strong>{{ license_count }}</strong> × {{ product_name }} for {{ account_name }} ({{ asset_name }}).</p>
<p>Your coupon code is:</p>
<p style="font-size:20px;font-weight:bold;letter-spacing:1px;">{{ coupon_code }}</p>
<p>Redeem it in the BitTitan portal: <a href="{{ portal_link }}">{{ portal_link }}</a></p>
<p>The coupon code stays active for {{ expire_days }} days (until {{ coupon_expiry_date }}). Once redeemed, the licenses can be used for {{ validity_days }} days.</p>
<p>Your orders, licenses and invoices: <a href="{{ storefront_link }}">{{ storefront_link }}</a></p>
<p>Kind regards,<br>{{ distributor_name }}</p>`,
    text: `Hello {{ recipient_name }},

Your order {{ order_number }} is ready: {{ license_count }} x {{ product_name }} for {{ account_name }} ({{ asset_name }}).

Your coupon code: {{ coupon_code }}

Redeem it in the BitTitan portal: {{ portal_link }}

The coupon code stays active for {{ expire_days }} days (until {{ coupon_expiry_date }}). Once redeemed, the licenses can be used for {{ validity_days }} days.

Your orders, licenses and invoices: {{ storefront_link }}

Kind regards,
{{ distributor_name }}`,
  },
};
