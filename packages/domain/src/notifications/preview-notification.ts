import { randomUUID } from "node:crypto";
import {
  renderEmail,
  sampleVariables,
  validateTemplate,
  type NotificationTemplateKey,
  type Branding,
  type RenderedEmail,
  type TemplateContent,
  type TemplateProblem,
} from "@cm/notifications";
import type { StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import type { PreviewTemplateInput, SendTestEmailInput } from "../schemas/notifications.ts";
import { loadBranding } from "./load-branding.ts";
import { assertValidTemplate } from "./notification-templates.ts";
import { enqueueEmail } from "./outbox.ts";

/** The sample values, with the distributor's real name. */
const sampleValues = (key: NotificationTemplateKey, distributorName: string) => ({
  ...sampleVariables(key),
  distributor_name: distributorName,
});

export type TemplatePreviewDto = ({ ok: true } & RenderedEmail) | { ok: false; problems: TemplateProblem[] };

/** The editor's live preview: the draft rendered with sample values and the current branding, or what is wrong with it. */
export async function previewNotificationTemplate(
  deps: DomainDeps,
  input: PreviewTemplateInput,
): Promise<TemplatePreviewDto> {
  const { key, ...content } = input;
  return renderPreview(key, content, await loadBranding(deps.db));
}

/** A draft rendered with sample values under this branding (the distributor's, or a reseller storefront's), or its problems. */
export function renderPreview(
  key: NotificationTemplateKey,
  content: TemplateContent,
  branding: Branding,
): TemplatePreviewDto {
  const problems = validateTemplate(key, content);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, ...renderEmail(content, sampleValues(key, branding.displayName), branding) };
}

/**
 * Sends the draft, rendered with sample values, to one address, through the
 * outbox like any other email (so it also shows how delivery is doing).
 */
export async function sendTestEmail(
  deps: DomainDeps,
  staff: StaffCaller,
  input: SendTestEmailInput,
): Promise<{ emailMessageId: string }> {
  const { key, to, ...content } = input;
  assertValidTemplate(key, content);
  const branding = await loadBranding(deps.db);
  const rendered = renderEmail(content, sampleValues(key, branding.displayName), branding);
  const { id } = await deps.db.$transaction((tx) =>
    enqueueEmail(tx, deps, {
      eventKey: `test:${randomUUID()}`,
      templateKey: key,
      accountId: null,
      isTest: true,
      requestedBy: staff.name,
      fromName: branding.displayName,
      to: [to],
      cc: [],
      bcc: [],
      ...rendered,
      subject: `[Test] ${rendered.subject}`,
    }),
  );
  return { emailMessageId: id };
}
