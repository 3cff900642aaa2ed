import { bitTitanAssetCancelled } from "./bittitan-asset-cancelled.ts";
import { AUTOMATIC_VARIABLES, type NotificationTemplateKey, type TemplateDefinition, type TemplateVariable, type VariableValue } from "./definition.ts";
import { invoiceIssued } from "./invoice-issued.ts";
import { planSubscriptionCancelled } from "./plan-subscription-cancelled.ts";
import { welcomeBitTitanCoupon } from "./welcome-bittitan-coupon.ts";
import { welcomeStandardStorefront } from "./welcome-standard-storefront.ts";

export * from "./definition.ts";

export const BUILT_IN_TEMPLATES: Record<NotificationTemplateKey, TemplateDefinition> = {
  "welcome-bittitan-coupon": welcomeBitTitanCoupon,
  "bittitan-asset-cancelled": bitTitanAssetCancelled,
  "invoice-issued": invoiceIssued,
  "welcome-standard-storefront": welcomeStandardStorefront,
  "plan-subscription-cancelled": planSubscriptionCancelled,
};

/** Every variable a template may use: its own plus the automatic ones. */
export function variablesOf(key: NotificationTemplateKey): TemplateVariable[] {
  return [...AUTOMATIC_VARIABLES, ...BUILT_IN_TEMPLATES[key].variables];
}

/** The sample values, for previews and test emails. */
export function sampleVariables(key: NotificationTemplateKey): Record<string, VariableValue> {
  return Object.fromEntries(variablesOf(key).map((variable) => [variable.name, variable.sample]));
}
