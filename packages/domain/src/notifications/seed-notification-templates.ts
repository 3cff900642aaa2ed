import { NOTIFICATION_TEMPLATE_KEYS } from "@cm/notifications";
import type { DomainDeps } from "../deps.ts";
import { defaultTemplateRow } from "./template-store.ts";

/**
 * Writes the built-in templates that are missing (at start-up). Idempotent,
 * and safe beside staff edits: an existing row is never touched.
 */
export async function seedNotificationTemplates(deps: DomainDeps): Promise<number> {
  const { count } = await deps.db.notificationTemplate.createMany({
    data: NOTIFICATION_TEMPLATE_KEYS.map(defaultTemplateRow),
    skipDuplicates: true,
  });
  return count;
}
