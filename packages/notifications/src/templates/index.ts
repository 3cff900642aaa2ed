import { bitTitanAssetCancelled } from "./bittitan-asset-cancelled.ts";
import {
  AUTOMATIC_VARIABLES,
  type NotificationTemplateKey,
  type TemplateAudience,
  type TemplateDefinition,
  type TemplateVariable,
  type VariableValue,
} from "./definition.ts";
import { invoiceIssued } from "./invoice-issued.ts";
import { passwordReset } from "./password-reset.ts";
import { planSubscriptionCancelled } from "./plan-subscription-cancelled.ts";
import { provisioningAttention } from "./provisioning-attention.ts";
import { provisioningDigest } from "./provisioning-digest.ts";
import { shopInvitation } from "./shop-invitation.ts";
import { staffInvitation } from "./staff-invitation.ts";
import { welcomeBitTitanCoupon } from "./welcome-bittitan-coupon.ts";
import { webhookEndpointDisabled } from "./webhook-endpoint-disabled.ts";
import { welcomeStandardStorefront } from "./welcome-standard-storefront.ts";

export * from "./definition.ts";

export const BUILT_IN_TEMPLATES: Record<NotificationTemplateKey, TemplateDefinition> = {
  "welcome-bittitan-coupon": welcomeBitTitanCoupon,
  "bittitan-asset-cancelled": bitTitanAssetCancelled,
  "invoice-issued": invoiceIssued,
  "welcome-standard-storefront": welcomeStandardStorefront,
  "plan-subscription-cancelled": planSubscriptionCancelled,
  "password-reset": passwordReset,
  "staff-invitation": staffInvitation,
  "shop-invitation": shopInvitation,
  "provisioning-attention": provisioningAttention,
  "provisioning-digest": provisioningDigest,
  "webhook-endpoint-disabled": webhookEndpointDisabled,
};

/** Who a template's default recipient is (see TemplateAudience). */
export const audienceOf = (key: NotificationTemplateKey): TemplateAudience => BUILT_IN_TEMPLATES[key].audience;

/** The names of a template's secret variables (see TemplateVariable.secret); empty for most. */
export function secretVariablesOf(key: NotificationTemplateKey): string[] {
  return BUILT_IN_TEMPLATES[key].variables.filter((variable) => variable.secret).map((variable) => variable.name);
}

/** Every variable a template may use: its own plus the automatic ones. */
export function variablesOf(key: NotificationTemplateKey): TemplateVariable[] {
  return [...AUTOMATIC_VARIABLES, ...BUILT_IN_TEMPLATES[key].variables];
}

/** The sample values, for previews and test emails. */
export function sampleVariables(key: NotificationTemplateKey): Record<string, VariableValue> {
  return Object.fromEntries(variablesOf(key).map((variable) => [variable.name, variable.sample]));
}
