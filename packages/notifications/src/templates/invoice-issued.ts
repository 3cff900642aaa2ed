import { eventVariable, type TemplateDefinition } from "./definition.ts";

export const invoiceIssued: TemplateDefinition = {
  key: "invoice-issued",
  name: "Invoice issued",
  description: "Sent to the billed account's primary contact when an invoice is issued.",
  audience: "account",
  variables: [
    eventVariable("account_name", "Billed company", "Contoso IT Partners"),
    eventVariable("invoice_number", "Invoice number", "INV-2026-0042"),
    eventVariable("total", "Total payable, formatted", "375.00"),
    eventVariable("currency", "Currency (ISO 4217)", "EUR"),
    eventVariable("due_date", "Payment due date", "01 Apr 2026"),
    eventVariable(
      "invoice_link",
      "Where the invoice can be viewed and downloaded",
      "https://shop.example/billing/invoices/INV-2026-0042",
    ),
  ],
  defaults: {
    subject: "Invoice {{ invoice_number }} from {{ distributor_name }}",
    html: `<p>Hello {{ recipient_name }},</p>
<p>Invoice <strong>{{ invoice_number }}</strong> for {{ account_name }} has been issued.</p>
<p>Total: <strong>{{ currency }} {{ total }}</strong>, due on {{ due_date }}.</p>
<p><a href="{{ invoice_link }}">View and download the invoice</a></p>
<p>Kind regards,<br>{{ distributor_name }}</p>`,
    text: `Hello {{ recipient_name }},

Invoice {{ invoice_number }} for {{ account_name }} has been issued.

Total: {{ currency }} {{ total }}, due on {{ due_date }}.

View and download the invoice: {{ invoice_link }}

Kind regards,
{{ distributor_name }}`,
  },
};
