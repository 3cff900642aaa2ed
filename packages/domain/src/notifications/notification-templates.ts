import {
  BUILT_IN_TEMPLATES,
  NOTIFICATION_TEMPLATE_KEYS,
  validateTemplate,
  type NotificationTemplateKey,
  type TemplateContent,
} from "@cm/notifications";
import type { StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { UpdateTemplateInput } from "../schemas/notifications.ts";
import { toTemplateDto, type NotificationTemplateDto } from "./notification-dto.ts";
import { defaultTemplateRow, loadTemplate } from "./template-store.ts";

export async function listNotificationTemplates(deps: DomainDeps): Promise<NotificationTemplateDto[]> {
  return Promise.all(NOTIFICATION_TEMPLATE_KEYS.map((key) => getNotificationTemplate(deps, key)));
}

export async function getNotificationTemplate(
  deps: DomainDeps,
  key: NotificationTemplateKey,
): Promise<NotificationTemplateDto> {
  return toTemplateDto(await loadTemplate(deps.db, key));
}

/** Refuses a template that would not render, naming the unknown variable and the part it is in. */
export function assertValidTemplate(key: NotificationTemplateKey, content: TemplateContent): void {
  const [problem] = validateTemplate(key, content);
  if (problem) throw new DomainError("INVALID", problem.message, problem.part);
}

/** Staff saves a template: its content, whether it is sent, and to whom. */
export async function updateNotificationTemplate(
  deps: DomainDeps,
  staff: StaffCaller,
  input: UpdateTemplateInput,
): Promise<NotificationTemplateDto> {
  const { key, ...fields } = input;
  assertValidTemplate(key, fields);
  const data = { ...fields, updatedBy: staff.name };
  await deps.db.notificationTemplate.upsert({ where: { key }, create: { key, ...data }, update: data });
  return getNotificationTemplate(deps, key);
}

/** Puts back the built-in subject and bodies; keeps the recipients and the on/off switch. */
export async function resetNotificationTemplate(
  deps: DomainDeps,
  staff: StaffCaller,
  key: NotificationTemplateKey,
): Promise<NotificationTemplateDto> {
  const defaults = BUILT_IN_TEMPLATES[key].defaults;
  await deps.db.notificationTemplate.upsert({
    where: { key },
    create: { ...defaultTemplateRow(key), updatedBy: staff.name },
    update: { ...defaults, updatedBy: staff.name },
  });
  return getNotificationTemplate(deps, key);
}
