import { z } from "zod";
import { getBranding, updateBranding } from "../../notifications/branding.ts";
import { clearDevInbox, getDevInboxMessage, getMailSettings, listDevInbox } from "../../notifications/dev-inbox.ts";
import { getEmailMessage, listEmailMessages } from "../../notifications/email-messages.ts";
import {
  getNotificationTemplate,
  listNotificationTemplates,
  resetNotificationTemplate,
  updateNotificationTemplate,
} from "../../notifications/notification-templates.ts";
import { previewNotificationTemplate, sendTestEmail } from "../../notifications/preview-notification.ts";
import { resendEmail } from "../../notifications/resend-email.ts";
import { idempotent } from "../../idempotency.ts";
import { idSchema, pageSchema } from "../../schemas/common.ts";
import {
  brandingInput,
  listEmailMessagesInput,
  previewTemplateInput,
  sendTestEmailInput,
  templateKeySchema,
  updateTemplateInput,
} from "../../schemas/notifications.ts";
import { router, staffProcedure } from "../../trpc.ts";

const byKey = z.object({ key: templateKeySchema });
const byId = z.object({ id: idSchema });

/** Setup > Notifications > Customer Notifications: reading is for all staff, changing for administrators. */
const templateRouter = router({
  list: staffProcedure.query(({ ctx }) => listNotificationTemplates(ctx.deps)),
  get: staffProcedure.input(byKey).query(({ ctx, input }) => getNotificationTemplate(ctx.deps, input.key)),
  // A mutation only so the draft travels in a POST body (templates outgrow a URL); it changes nothing.
  preview: staffProcedure
    .input(previewTemplateInput)
    .mutation(({ ctx, input }) => previewNotificationTemplate(ctx.deps, input)),
  update: staffProcedure
    .input(updateTemplateInput)
    .mutation(({ ctx, input }) => updateNotificationTemplate(ctx.deps, ctx.staff, input)),
  reset: staffProcedure
    .input(byKey)
    .mutation(({ ctx, input }) => resetNotificationTemplate(ctx.deps, ctx.staff, input.key)),
  sendTest: staffProcedure
    .input(sendTestEmailInput.extend(idempotent.shape))
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => sendTestEmail(ctx.deps, ctx.staff, input)),
});

/** The delivery log: any staff member may look and send an email again. */
const messageRouter = router({
  list: staffProcedure.input(listEmailMessagesInput).query(({ ctx, input }) => listEmailMessages(ctx.deps, input)),
  get: staffProcedure.input(byId).query(({ ctx, input }) => getEmailMessage(ctx.deps, input.id)),
  resend: staffProcedure
    .input(byId.extend(idempotent.shape))
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => resendEmail(ctx.deps, ctx.staff, input.id)),
});

const brandingRouter = router({
  get: staffProcedure.query(({ ctx }) => getBranding(ctx.deps)),
  update: staffProcedure.input(brandingInput).mutation(({ ctx, input }) => updateBranding(ctx.deps, input)),
});

/** The embedded development mailbox (only when the server runs its own SMTP server). */
const devInboxRouter = router({
  list: staffProcedure.input(pageSchema).query(({ ctx, input }) => listDevInbox(ctx.deps, input)),
  get: staffProcedure.input(byId).query(({ ctx, input }) => getDevInboxMessage(ctx.deps, input.id)),
  clear: staffProcedure.mutation(({ ctx }) => clearDevInbox(ctx.deps)),
});

export const bssNotificationRouter = router({
  settings: staffProcedure.query(({ ctx }) => getMailSettings(ctx.deps)),
  template: templateRouter,
  message: messageRouter,
  branding: brandingRouter,
  devInbox: devInboxRouter,
});
