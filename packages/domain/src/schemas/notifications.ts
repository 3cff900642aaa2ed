import { HEX_COLOR, NOTIFICATION_TEMPLATE_KEYS } from "@cm/notifications/browser";
import { z } from "zod";
import { emailSchema, pageSchema, requiredText, searchSchema, text } from "./common.ts";

export const templateKeySchema = z.enum(NOTIFICATION_TEMPLATE_KEYS, { message: "Unknown notification template" });

const emailList = (label: string) =>
  z
    .array(emailSchema, { message: `${label} must be a list of email addresses` })
    .max(20, { message: `At most 20 ${label} addresses` })
    .transform((list) => [...new Set(list)]);

/** Subject and bodies as typed in the editor (validated against the template's variables by the service). */
export const templateContentSchema = z.object({
  subject: text().max(500, { message: "The subject must be at most 500 characters" }),
  html: text().max(100_000, { message: "The HTML body must be at most 100,000 characters" }),
  text: text().max(100_000, { message: "The text body must be at most 100,000 characters" }),
});

export const updateTemplateInput = templateContentSchema.extend({
  key: templateKeySchema,
  enabled: z.boolean(),
  toPrimaryContact: z.boolean(),
  extraTo: emailList("To"),
  cc: emailList("CC"),
  bcc: emailList("BCC"),
});
export type UpdateTemplateInput = z.infer<typeof updateTemplateInput>;

export const previewTemplateInput = templateContentSchema.extend({ key: templateKeySchema });
export type PreviewTemplateInput = z.infer<typeof previewTemplateInput>;

export const sendTestEmailInput = previewTemplateInput.extend({ to: emailSchema });
export type SendTestEmailInput = z.infer<typeof sendTestEmailInput>;

export const brandingInput = z.object({
  displayName: requiredText("Display name", 100),
  logoUrl: z
    .string()
    .trim()
    .max(2000)
    .transform((value) => (value === "" ? null : value))
    .nullish()
    .transform((value) => value ?? null)
    .refine((value) => value === null || /^https?:\/\/\S+$/i.test(value), {
      message: "Enter an http(s) address of an image",
    }),
  primaryColor: text().trim().regex(HEX_COLOR, { message: "Enter a colour as #rrggbb" }),
});
export type BrandingInput = z.infer<typeof brandingInput>;

export const emailStatusSchema = z.enum(["QUEUED", "SENT", "FAILED"]);

export const listEmailMessagesInput = pageSchema.extend({
  status: emailStatusSchema.optional(),
  templateKey: templateKeySchema.optional(),
  /** A recipient address or part of the subject. */
  search: searchSchema,
});
export type ListEmailMessagesInput = z.infer<typeof listEmailMessagesInput>;
