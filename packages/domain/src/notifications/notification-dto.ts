import type { EmailStatus, Prisma } from "@cm/db";
import {
  BUILT_IN_TEMPLATES,
  isNotificationTemplateKey,
  variablesOf,
  type NotificationTemplateKey,
  type TemplateAudience,
  type TemplateVariable,
} from "@cm/notifications";
import type { StoredTemplate } from "./template-store.ts";

export interface NotificationTemplateDto {
  key: NotificationTemplateKey;
  name: string;
  description: string;
  /** Who `toPrimaryContact` sends to: the account's primary contact, or the distributor's administrators. */
  audience: TemplateAudience;
  subject: string;
  html: string;
  text: string;
  enabled: boolean;
  toPrimaryContact: boolean;
  extraTo: string[];
  cc: string[];
  bcc: string[];
  variables: TemplateVariable[];
  /** Differs from the built-in default (so "Reset to default" changes something). */
  customised: boolean;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export function toTemplateDto(template: StoredTemplate): NotificationTemplateDto {
  const definition = BUILT_IN_TEMPLATES[template.key];
  const defaults = definition.defaults;
  return {
    ...template,
    name: definition.name,
    description: definition.description,
    audience: definition.audience,
    variables: variablesOf(template.key),
    customised:
      template.subject !== defaults.subject || template.html !== defaults.html || template.text !== defaults.text,
  };
}

export interface EmailMessageSummaryDto {
  id: string;
  templateKey: string;
  templateName: string;
  eventKey: string;
  isTest: boolean;
  account: { id: string; companyName: string } | null;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  queuedAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
  resendOfId: string | null;
  requestedBy: string | null;
}

export interface EmailMessageDetailDto extends EmailMessageSummaryDto {
  from: string;
  messageId: string;
  html: string;
  text: string;
  lastAttemptAt: Date | null;
  failedAt: Date | null;
  resends: { id: string; status: EmailStatus; queuedAt: Date; requestedBy: string | null }[];
}

export const emailSummarySelect = {
  id: true,
  templateKey: true,
  eventKey: true,
  isTest: true,
  accountId: true,
  to: true,
  cc: true,
  bcc: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  queuedAt: true,
  sentAt: true,
  nextAttemptAt: true,
  resendOfId: true,
  requestedBy: true,
} satisfies Prisma.EmailMessageSelect;

type SummaryRow = Prisma.EmailMessageGetPayload<{ select: typeof emailSummarySelect }>;

export function templateName(key: string): string {
  return isNotificationTemplateKey(key) ? BUILT_IN_TEMPLATES[key].name : key;
}

export function toEmailSummary(row: SummaryRow, accounts: Map<string, string>): EmailMessageSummaryDto {
  const { accountId, ...rest } = row;
  const companyName = accountId ? accounts.get(accountId) : undefined;
  return {
    ...rest,
    templateName: templateName(row.templateKey),
    account: accountId && companyName ? { id: accountId, companyName } : null,
  };
}

/** Company names of the accounts the messages mention (no foreign key: one query). */
export async function accountNames(
  db: Prisma.TransactionClient,
  rows: { accountId: string | null }[],
): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((row) => row.accountId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const accounts = await db.account.findMany({ where: { id: { in: ids } }, select: { id: true, companyName: true } });
  return new Map(accounts.map((account) => [account.id, account.companyName]));
}
