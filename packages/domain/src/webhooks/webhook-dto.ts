import type { WebhookEventType } from "../schemas/webhooks.ts";

export interface WebhookEndpointDto {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  /** "whsec_" and the first characters: which secret the receiver should hold. */
  secretPrefix: string;
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  consecutiveFailures: number;
  failingSince: Date | null;
  createdBy: string;
  createdAt: Date;
}

/** A new endpoint, or a rotated secret: the only time the secret is seen. */
export interface WebhookEndpointWithSecretDto {
  endpoint: WebhookEndpointDto;
  secret: string;
}

export interface WebhookAttemptDto {
  number: number;
  startedAt: Date;
  /** null: no outcome was recorded (the worker stopped while the request was under way). */
  finishedAt: Date | null;
  durationMs: number | null;
  httpStatus: number | null;
  error: string | null;
  nextRetryAt: Date | null;
}

export interface WebhookDeliveryDto {
  id: string;
  eventId: string;
  eventType: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  failedAt: Date | null;
  redeliveryOfId: string | null;
  requestedBy: string | null;
  /** Newest first. */
  log: WebhookAttemptDto[];
}

export const webhookEndpointSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  secretPrefix: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  consecutiveFailures: true,
  failingSince: true,
  createdBy: true,
  createdAt: true,
} as const;

export const toWebhookEndpoint = (
  row: Omit<WebhookEndpointDto, "events"> & { events: string[] },
): WebhookEndpointDto => ({
  ...row,
  events: row.events as WebhookEventType[],
});
