import type { Prisma } from "@cm/db";
import {
  audienceOf,
  BUILT_IN_TEMPLATES,
  formatMailbox,
  REDACTED_SECRET,
  renderEmail,
  secretVariablesOf,
  variablesOf,
  type NotificationTemplateKey,
  type VariableValue,
} from "@cm/notifications";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { brandingOf } from "./load-branding.ts";
import { loadNotificationSetup, type RecipientAccountRow } from "./notification-setup.ts";
import { addressOf, enqueueEmail } from "./outbox.ts";
import { isStorefrontTemplateKey, storefrontEmailBrand } from "./storefront-email-brand.ts";
import { storedTemplateOf, type StoredTemplate } from "./template-store.ts";

export interface NotificationEvent {
  template: NotificationTemplateKey;
  /** Unique per business event, e.g. `welcome-coupon:${assetId}`: a second call with it returns the first message. */
  eventKey: string;
  /**
   * The account the event is about (the Delivery log files the email under it).
   * For a template whose audience is "account", its primary contact receives
   * it (unless the template turns that off); for a "staff" one, the distributor's administrators do.
   */
  accountId: string;
  /** Replaces the primary contact, e.g. an order's explicit recipient ("account" templates only). */
  recipient?: { email: string; name?: string };
  /** Every variable the template declares (null renders as empty); see BUILT_IN_TEMPLATES. */
  variables: Record<string, VariableValue>;
  /**
   * Sent for a reseller's storefront (an invitation or password reset at its
   * /<alias>, the welcome email of an order placed there): the email comes in the
   * reseller's name (its sender name, reply-to, logo and colour, and
   * `distributor_name` is the storefront's name) with the reseller's own text of
   * the template when it has one (storefront-email-brand.ts).
   */
  storefrontId?: string | null;
}

export interface QueuedNotification {
  emailMessageId: string;
  /** It has a recipient; without one the message is only kept, FAILED, in the Delivery log. */
  addressed: boolean;
}

/**
 * The one way a feature sends an email: call it inside the transaction of
 * the business event. It renders the current template with the current
 * branding, writes the message to the outbox (idempotent on eventKey) and
 * enqueues its delivery. Returns null when staff disabled the template.
 */
export async function queueNotification(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  event: NotificationEvent,
  options: { newEvent?: boolean } = {},
): Promise<QueuedNotification | null> {
  const prepared = await prepareNotification(tx, deps, event, options);
  return prepared.queue(event.variables);
}

/**
 * queueNotification in two steps, for a transaction that holds a contended
 * lock for its last statements (an invoice number): `prepareNotification` does
 * the reads (the outbox, the template, the branding, the recipients) before
 * the lock, and `queue` then renders and writes the message (two inserts).
 */
export async function prepareNotification(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  event: Omit<NotificationEvent, "variables">,
  /** The eventKey holds an id made in this transaction, so no message can have it yet (the outbox insert stays idempotent anyway). */
  options: { newEvent?: boolean } = {},
): Promise<{ queue(variables: NotificationEvent["variables"]): Promise<QueuedNotification | null> }> {
  const existing = options.newEvent
    ? null
    : await tx.emailMessage.findUnique({ where: { eventKey: event.eventKey }, select: { id: true, recipients: true } });
  if (existing)
    return { queue: async () => ({ emailMessageId: existing.id, addressed: existing.recipients.length > 0 }) };
  const setup = await loadNotificationSetup(tx, event.template, event.accountId);
  const stored = storedTemplateOf(event.template, setup.template);
  if (!stored.enabled) return { queue: async () => null };
  const storefront = event.storefrontId ? await storefrontEmailBrand(tx, deps, event.storefrontId) : null;
  const branding = storefront?.branding ?? (await brandingOf(tx, setup.branding));
  // The reseller words the text; whether it is sent and to whom stays the distributor's template's.
  const own = storefront && isStorefrontTemplateKey(event.template) ? storefront.templates[event.template] : undefined;
  const template = own ? { ...stored, ...own } : stored;
  const recipients = await resolveRecipients(tx, template, event, setup.account);
  return {
    async queue(eventVariables) {
      checkVariables({ template: event.template, variables: eventVariables });
      const variables = { recipient_name: recipients.name, distributor_name: branding.displayName, ...eventVariables };
      const rendered = renderEmail(template, variables, branding);
      const secrets = secretVariablesOf(event.template);
      const envelope = {
        eventKey: event.eventKey,
        templateKey: event.template,
        accountId: event.accountId,
        fromName: storefront?.senderName ?? branding.displayName,
        replyTo: storefront?.replyTo ?? null,
      };
      // A single-use link goes to the person it is for, and only the encrypted copy keeps it.
      const { id, addressed } =
        secrets.length === 0
          ? await enqueueEmail(tx, deps, {
              ...envelope,
              to: recipients.to,
              cc: template.cc,
              bcc: template.bcc,
              ...rendered,
            })
          : await enqueueEmail(tx, deps, {
              ...envelope,
              to: recipients.user,
              cc: [],
              bcc: [],
              ...renderEmail(
                template,
                { ...variables, ...Object.fromEntries(secrets.map((name) => [name, REDACTED_SECRET])) },
                branding,
              ),
              sealedBody: deps.secrets.encrypt(JSON.stringify({ html: rendered.html, text: rendered.text })),
              redacted: true,
            });
      return { emailMessageId: id, addressed };
    },
  };
}

/** A caller that forgets a variable, or misspells one, is a bug to catch in its tests, not a blank in a customer's email. */
function checkVariables(event: Pick<NotificationEvent, "template" | "variables">): void {
  const offered = new Set(variablesOf(event.template).map((variable) => variable.name));
  const missing = BUILT_IN_TEMPLATES[event.template].variables
    .filter((variable) => !(variable.name in event.variables))
    .map((variable) => variable.name);
  const unknown = Object.keys(event.variables).filter((name) => !offered.has(name));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${missing.join(", ")}` : "",
      unknown.length > 0 ? `unknown ${unknown.join(", ")}` : "",
    ];
    throw new Error(`queueNotification(${event.template}): ${parts.filter(Boolean).join("; ")}`);
  }
}

interface DefaultRecipients {
  /** Whom the template's "to primary contact" switch sends to. */
  mailboxes: string[];
  /** The greeting's name. */
  name: string;
}

/**
 * Who receives the email: the template's default recipients (see
 * TemplateAudience) when its switch is on, its extra To (and its CC and BCC,
 * added by the caller); `user` is the one person an email with a secret goes to.
 */
async function resolveRecipients(
  tx: Prisma.TransactionClient,
  template: StoredTemplate,
  event: Pick<NotificationEvent, "recipient">,
  account: RecipientAccountRow | null,
) {
  const defaults = audienceOf(template.key) === "staff" ? await administrators(tx) : accountRecipient(event, account);
  const to = template.toPrimaryContact ? [...defaults.mailboxes] : [];
  const seen = new Set(to.map(addressOf));
  for (const extra of template.extraTo) {
    if (!seen.has(addressOf(extra))) to.push(extra);
    seen.add(addressOf(extra));
  }
  return { to, user: defaults.mailboxes, name: defaults.name };
}

/** An "account" template: the event's explicit recipient, or the account's primary contact. */
function accountRecipient(
  event: Pick<NotificationEvent, "recipient">,
  account: RecipientAccountRow | null,
): DefaultRecipients {
  if (!account) throw notFound("The account");
  const primary = event.recipient
    ? { email: event.recipient.email, name: event.recipient.name ?? null }
    : account.email
      ? { email: account.email, name: `${account.firstName} ${account.lastName}` }
      : null;
  return {
    mailboxes: primary ? [formatMailbox(primary.email, primary.name)] : [],
    name: primary?.name ?? account.companyName,
  };
}

/** A "staff" template: every active administrator of the distributor. */
async function administrators(tx: Prisma.TransactionClient): Promise<DefaultRecipients> {
  const admins = await tx.staffUser.findMany({
    where: { role: "ADMIN", active: true },
    select: { email: true, name: true },
    orderBy: { email: "asc" },
  });
  const [only] = admins;
  return {
    mailboxes: admins.map((admin) => formatMailbox(admin.email, admin.name)),
    name: admins.length === 1 && only ? only.name : "administrators",
  };
}
