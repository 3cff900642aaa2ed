import {
  createWebhookEndpointInput,
  listWebhookDeliveriesInput,
  redeliverWebhookInput,
  setWebhookEndpointEnabledInput,
  updateWebhookEndpointInput,
  webhookEndpointIdInput,
} from "../../schemas/webhooks.ts";
import { router, staffProcedure } from "../../trpc.ts";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "../../webhooks/manage-webhook-endpoints.ts";
import { listWebhookDeliveries, redeliverWebhook } from "../../webhooks/webhook-deliveries.ts";

/** Setup > Webhooks: the distributor's endpoints and their delivery logs (administrators only, permissions.ts). */
export const bssWebhookRouter = router({
  list: staffProcedure.query(({ ctx }) => listWebhookEndpoints(ctx.deps)),
  /** The answer is the only time the signing secret is seen (no idempotency replay: it would store the secret). */
  create: staffProcedure
    .input(createWebhookEndpointInput)
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.deps, ctx.staff, input)),
  update: staffProcedure
    .input(updateWebhookEndpointInput)
    .mutation(({ ctx, input }) => updateWebhookEndpoint(ctx.deps, ctx.staff, input)),
  setEnabled: staffProcedure
    .input(setWebhookEndpointEnabledInput)
    .mutation(({ ctx, input }) => setWebhookEndpointEnabled(ctx.deps, ctx.staff, input)),
  rotateSecret: staffProcedure
    .input(webhookEndpointIdInput)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.deps, ctx.staff, input.id)),
  delete: staffProcedure
    .input(webhookEndpointIdInput)
    .mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.deps, ctx.staff, input.id)),
  deliveries: staffProcedure
    .input(listWebhookDeliveriesInput)
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.deps, input)),
  redeliver: staffProcedure
    .input(redeliverWebhookInput)
    .mutation(({ ctx, input }) => redeliverWebhook(ctx.deps, ctx.staff, input.deliveryId)),
});
