import { eventVariable, type TemplateDefinition } from "./definition.ts";

export const provisioningDigest: TemplateDefinition = {
  key: "provisioning-digest",
  name: "Failed provisioning digest",
  description:
    "Sent every morning (07:00 UTC) to the distributor's administrators (and extra recipients) while any BitTitan asset is still FAILED; nothing is sent when none is.",
  audience: "staff",
  variables: [
    eventVariable("failed_count", "How many assets are FAILED", 2),
    eventVariable(
      "failed_assets",
      "The FAILED assets, oldest failure first (at most 200): loop over them with {% for asset in failed_assets %}; each has name, account_name, failed_since, reason and link",
      [
        {
          name: "Contoso mailbox move",
          account_name: "Contoso IT Partners",
          failed_since: "2026-03-01 14:05 UTC",
          reason: "BitTitan refused the request: unknown SKU",
          link: "https://market.example/bss/assets/4f6c2a9e-1b7d-4c3e-9a5f-0d2e8b7c6a41",
        },
        {
          name: "Fabrikam tenant move",
          account_name: "Fabrikam Inc.",
          failed_since: "2026-03-02 08:40 UTC",
          reason: "The partner account was not found at BitTitan",
          link: "https://market.example/bss/assets/9b3d1e7a-5c2f-4a8e-b6d0-7e1f3a9c2b58",
        },
      ],
    ),
    eventVariable("more_count", "FAILED assets beyond the listed ones (0 when all are listed)", 0),
    eventVariable("assets_link", "The asset list in the back office", "https://market.example/bss/assets"),
  ],
  defaults: {
    subject:
      "{{ failed_count }} BitTitan asset{% if failed_count != 1 %}s{% endif %} still need{% if failed_count == 1 %}s{% endif %} attention",
    html: `<p>Hello {{ recipient_name }},</p>
<p>These BitTitan assets could not be provisioned and are waiting for someone to fix the cause and retry them:</p>
<table cellpadding="6" style="border-collapse:collapse;font-size:14px;">
<tr><th align="left">Asset</th><th align="left">Account</th><th align="left">Failed since</th><th align="left">Reason</th></tr>
{% for asset in failed_assets %}<tr><td><a href="{{ asset.link }}">{{ asset.name }}</a></td><td>{{ asset.account_name }}</td><td>{{ asset.failed_since }}</td><td>{{ asset.reason }}</td></tr>
{% endfor %}</table>
{% if more_count > 0 %}<p>… and {{ more_count }} more.</p>{% endif %}
<p>All assets: <a href="{{ assets_link }}">{{ assets_link }}</a></p>
<p>{{ distributor_name }} back office</p>`,
    text: `Hello {{ recipient_name }},

These BitTitan assets could not be provisioned and are waiting for someone to fix the cause and retry them:
{% for asset in failed_assets %}
- {{ asset.name }} ({{ asset.account_name }}), failed since {{ asset.failed_since }}: {{ asset.reason }}
  {{ asset.link }}
{%- endfor %}
{% if more_count > 0 %}
... and {{ more_count }} more.
{% endif %}
All assets: {{ assets_link }}

{{ distributor_name }} back office`,
  },
};
