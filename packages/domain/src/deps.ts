import type { JobQueue, PrismaClient } from "@cm/db";
import type { Mailer } from "@cm/notifications";
import type { Logger } from "@cm/provisioning";
import type { BitTitanGateway } from "./shared/bittitan-gateway.ts";
import type { Clock } from "./clock.ts";
import type { SecretBox } from "./shared/secret-box.ts";

// One logger type for the whole back end: the pino-compatible subset that
// @cm/provisioning (the lowest package that logs) defines.
export type { Logger } from "@cm/provisioning";
export { silentLogger } from "@cm/provisioning";

/** Everything a service may touch besides its input. */
export interface DomainDeps {
  db: PrismaClient;
  clock: Clock;
  logger: Logger;
  /** Where people reach the product, for links in emails ("https://market.example.com"). */
  publicUrl: string;
  /** Durable background jobs; work leaves a transaction through it. */
  queue: JobQueue;
  /** Encrypts vendor secrets at rest. */
  secrets: SecretBox;
  /** The BitTitan partner API, as configured in the Service Manager. */
  bittitan: BitTitanGateway;
  /** Sends email over SMTP; without one, emails wait in the outbox. */
  mailer?: Mailer;
  /** Days a reseller's storefront data (alias, markups, settings) is kept after its plan ends; default 90. */
  storefrontRetentionDays?: number;
  /** Hours a failing coupon creation is retried automatically before the asset is FAILED; default 12, at most 20 (BitTitan keeps keys 24 h). */
  provisioningRetryHours?: number;
  /** Days the result of an idempotent request is kept for replays; default 7. */
  idempotencyRetentionDays?: number;
  /** Requests an API key may make per minute; default 120 (api-keys/resolve-api-key.ts). */
  apiRateLimitPerMinute?: number;
  /** Webhook endpoints may be loopback or private addresses (tests; WEBHOOK_ALLOW_PRIVATE_URLS); default false (webhooks/network-guard.ts). */
  webhookAllowPrivateUrls?: boolean;
}
