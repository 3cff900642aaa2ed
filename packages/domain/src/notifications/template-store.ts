import type { Prisma } from "@cm/db";
import { BUILT_IN_TEMPLATES, type NotificationTemplateKey, type TemplateContent } from "@cm/notifications";

export interface StoredTemplate extends TemplateContent {
  key: NotificationTemplateKey;
  enabled: boolean;
  toPrimaryContact: boolean;
  extraTo: string[];
  cc: string[];
  bcc: string[];
  updatedBy: string | null;
  updatedAt: Date | null;
}

export const templateSelect = {
  key: true,
  subject: true,
  html: true,
  text: true,
  enabled: true,
  toPrimaryContact: true,
  extraTo: true,
  cc: true,
  bcc: true,
  updatedBy: true,
  updatedAt: true,
} satisfies Prisma.NotificationTemplateSelect;

/** The row a built-in template starts as. */
export function defaultTemplateRow(key: NotificationTemplateKey) {
  return {
    key,
    ...BUILT_IN_TEMPLATES[key].defaults,
    enabled: true,
    toPrimaryContact: true,
    extraTo: [],
    cc: [],
    bcc: [],
  };
}

/**
 * The template as staff last saved it, or the built-in default when it was
 * never seeded (so sending never depends on the seeding having run).
 */
export async function loadTemplate(
  db: Prisma.TransactionClient,
  key: NotificationTemplateKey,
): Promise<StoredTemplate> {
  return storedTemplateOf(key, await db.notificationTemplate.findUnique({ where: { key }, select: templateSelect }));
}

/** The template from its row as read (null: never seeded, so the built-in default). */
export function storedTemplateOf(
  key: NotificationTemplateKey,
  row: Omit<StoredTemplate, "key"> | null,
): StoredTemplate {
  if (!row) return { ...defaultTemplateRow(key), updatedBy: null, updatedAt: null };
  return { ...row, key };
}
