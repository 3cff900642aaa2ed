/** The templates the platform sends; other features name one when they queue an email. */
export const NOTIFICATION_TEMPLATE_KEYS = [
  "welcome-bittitan-coupon",
  "bittitan-asset-cancelled",
  "invoice-issued",
  "welcome-standard-storefront",
  "plan-subscription-cancelled",
  "password-reset",
  "staff-invitation",
  "shop-invitation",
  "provisioning-attention",
  "provisioning-digest",
  "webhook-endpoint-disabled",
] as const;

export type NotificationTemplateKey = (typeof NOTIFICATION_TEMPLATE_KEYS)[number];

export const isNotificationTemplateKey = (value: string): value is NotificationTemplateKey =>
  (NOTIFICATION_TEMPLATE_KEYS as readonly string[]).includes(value);

/** One row of a list variable (a template loops over it: `{% for asset in failed_assets %}{{ asset.name }}{% endfor %}`). */
export type VariableRow = Record<string, string | number | null>;

export type VariableValue = string | number | null | VariableRow[];

export interface TemplateVariable {
  name: string;
  description: string;
  /** Shown in the BSS preview and used for test emails. */
  sample: string | number | VariableRow[];
  /**
   * "event": the feature that queues the email supplies it.
   * "automatic": the notification service fills it in (the recipient, the branding).
   */
  source: "event" | "automatic";
  /**
   * A single-use secret (a set-password link): it is sent, but the stored copy
   * of the email (the Delivery log) shows a placeholder instead, and the email
   * goes to the user it is for only, never to a template's extra recipients.
   */
  secret?: boolean;
}

export interface TemplateContent {
  subject: string;
  /** The body only: the branded layout wraps it. */
  html: string;
  text: string;
}

/**
 * Whom the template is about, and so who its default recipient is (the
 * template's "to primary contact" switch):
 * "account": the primary contact of the account the event names (or the event's explicit recipient);
 * "staff": the distributor's own administrators (every active staff user with the Admin role).
 */
export type TemplateAudience = "account" | "staff";

export interface TemplateDefinition {
  key: NotificationTemplateKey;
  name: string;
  description: string;
  audience: TemplateAudience;
  variables: TemplateVariable[];
  defaults: TemplateContent;
}

/** Variables every template may use; queueNotification fills them in. */
export const AUTOMATIC_VARIABLES: TemplateVariable[] = [
  {
    name: "recipient_name",
    description: "Name of the person the email is addressed to",
    sample: "Pat Jensen",
    source: "automatic",
  },
  {
    name: "distributor_name",
    description: "Your company name (Setup > Branding)",
    sample: "Northwind Distribution",
    source: "automatic",
  },
];

export const eventVariable = (
  name: string,
  description: string,
  sample: TemplateVariable["sample"],
  options: { secret?: boolean } = {},
): TemplateVariable => ({
  name,
  description,
  sample,
  source: "event",
  ...(options.secret ? { secret: true } : {}),
});

/** What the Delivery log shows in place of a secret variable. */
export const REDACTED_SECRET = "[single-use link, not stored]";
