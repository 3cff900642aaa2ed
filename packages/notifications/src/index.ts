export {
  AUTOMATIC_VARIABLES,
  BUILT_IN_TEMPLATES,
  NOTIFICATION_TEMPLATE_KEYS,
  REDACTED_SECRET,
  audienceOf,
  isNotificationTemplateKey,
  secretVariablesOf,
  sampleVariables,
  variablesOf,
  type NotificationTemplateKey,
  type TemplateAudience,
  type TemplateContent,
  type TemplateDefinition,
  type TemplateVariable,
  type VariableRow,
  type VariableValue,
} from "./templates/index.ts";
export { extractVariables, validateTemplate, type TemplatePart, type TemplateProblem } from "./validate-template.ts";
export { renderEmail, type RenderedEmail } from "./render-email.ts";
export { DEFAULT_PRIMARY_COLOR, HEX_COLOR, defaultBranding, isSafeLogoUrl, type Branding } from "./branding.ts";
export {
  afterFailedAttempt,
  retryDelaySeconds,
  MAX_DELIVERY_AGE_MS,
  MAX_RETRY_DELAY_SECONDS,
  type FailureOutcome,
} from "./backoff.ts";
export {
  MailDeliveryError,
  createMessageId,
  createSmtpMailer,
  formatMailbox,
  type Mailer,
  type OutgoingEmail,
} from "./mailer.ts";
