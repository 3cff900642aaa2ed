import { z } from "zod";
import { httpUrlSchema, idSchema, requiredText } from "./common.ts";

/** The events a webhook endpoint can subscribe to (README "Webhooks" documents each payload). */
export const WEBHOOK_EVENT_TYPES = [
  "order.completed",
  "asset.synchronized",
  "asset.failed",
  "asset.cancelled",
  "invoice.issued",
  "credit_note.issued",
  "subscription.started",
  "subscription.cancelled",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "order.completed": "An order is completed (checkout or Execute Order)",
  "asset.synchronized": "An asset got its BitTitan coupon",
  "asset.failed": "An asset's provisioning failed for good",
  "asset.cancelled": "An asset is cancelled",
  "invoice.issued": "An invoice is issued",
  "credit_note.issued": "A credit note is issued",
  "subscription.started": "A reseller plan subscription starts",
  "subscription.cancelled": "A reseller plan subscription ends",
};

const URL_MESSAGE = "Enter an http:// or https:// address";

/**
 * The endpoint's address: http(s), no user name or password in it, at most
 * 300 characters. Where it may point (no loopback, private or link-local
 * address) is the service's check (webhooks/network-guard.ts), on the field too.
 */
export const webhookUrlSchema = httpUrlSchema(URL_MESSAGE).refine(
  (value) => {
    // Not an address at all is said once, by httpUrlSchema.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.username === "" && url.password === "";
  },
  { message: "Leave the user name and password out of the address (the signature authenticates us)" },
);

const eventsSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { message: "Not a known event" }))
  .min(1, { message: "Choose at least one event" })
  .max(WEBHOOK_EVENT_TYPES.length);

export const createWebhookEndpointInput = z.object({
  url: webhookUrlSchema,
  description: requiredText("Description", 200),
  events: eventsSchema,
});
export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointInput>;

export const updateWebhookEndpointInput = createWebhookEndpointInput.extend({ id: idSchema });
export type UpdateWebhookEndpointInput = z.infer<typeof updateWebhookEndpointInput>;

export const webhookEndpointIdInput = z.object({ id: idSchema });

export const setWebhookEndpointEnabledInput = z.object({ id: idSchema, enabled: z.boolean() });

export const listWebhookDeliveriesInput = z.object({
  endpointId: idSchema,
  /** The last delivery id of the previous page. */
  cursor: idSchema.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const redeliverWebhookInput = z.object({ deliveryId: idSchema });
