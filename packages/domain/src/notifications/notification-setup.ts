import type { Prisma } from "@cm/db";
import type { Branding, NotificationTemplateKey } from "@cm/notifications";
import type { StoredTemplate } from "./template-store.ts";

/** The account an "account" template goes to, with its primary contact (null fields: it has none). */
export interface RecipientAccountRow {
  companyName: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}

export interface NotificationSetup {
  /** The template's row (null: never seeded). */
  template: Omit<StoredTemplate, "key"> | null;
  /** The saved branding (null: staff never saved one). */
  branding: Branding | null;
  /** The event's account (null: there is none with that id). */
  account: RecipientAccountRow | null;
}

type TemplateJson = Omit<StoredTemplate, "key" | "updatedAt"> & { updatedAt: string };

/**
 * What queueing one email reads, in one statement: the template as staff
 * saved it, the saved branding and the event's account with its primary
 * contact (three Prisma reads before; an email is queued in the checkout's
 * transaction and again in the coupon's).
 */
export async function loadNotificationSetup(
  tx: Prisma.TransactionClient,
  key: NotificationTemplateKey,
  accountId: string,
): Promise<NotificationSetup> {
  const [row] = await tx.$queryRaw<
    { template: TemplateJson | null; branding: Branding | null; account: RecipientAccountRow | null }[]
  >`
    SELECT
      (SELECT row_to_json(t) FROM (
         SELECT "subject", "html", "text", "enabled", "toPrimaryContact", "extraTo", "cc", "bcc", "updatedBy", "updatedAt"
         FROM "NotificationTemplate" WHERE "key" = ${key}) t) AS "template",
      (SELECT row_to_json(b) FROM (
         SELECT "displayName", "logoUrl", "primaryColor" FROM "Branding" WHERE "id" = 'default') b) AS "branding",
      (SELECT row_to_json(a) FROM (
         SELECT a."companyName", c."email", c."firstName", c."lastName"
         FROM "Account" a LEFT JOIN "Contact" c ON c."id" = a."primaryContactId"
         WHERE a."id" = ${accountId}::uuid) a) AS "account"`;
  const template = row?.template ?? null;
  return {
    template: template ? { ...template, updatedAt: new Date(template.updatedAt) } : null,
    branding: row?.branding ?? null,
    account: row?.account ?? null,
  };
}
