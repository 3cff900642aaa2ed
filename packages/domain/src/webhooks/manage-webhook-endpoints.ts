import { actorOf, type StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from "../schemas/webhooks.ts";
import { assertDeliverableUrl } from "./network-guard.ts";
import {
  toWebhookEndpoint,
  webhookEndpointSelect,
  type WebhookEndpointDto,
  type WebhookEndpointWithSecretDto,
} from "./webhook-dto.ts";
import { newWebhookSecret } from "./webhook-signature.ts";

/** Setup > Webhooks: the distributor's endpoints (administrators, `apiKeys.manage`). */
export async function listWebhookEndpoints(deps: DomainDeps): Promise<WebhookEndpointDto[]> {
  const rows = await deps.db.webhookEndpoint.findMany({
    select: webhookEndpointSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
  });
  return rows.map(toWebhookEndpoint);
}

const MAX_ENDPOINTS = 50;

export async function createWebhookEndpoint(
  deps: DomainDeps,
  caller: StaffCaller,
  input: CreateWebhookEndpointInput,
): Promise<WebhookEndpointWithSecretDto> {
  assertNotApiKey(caller);
  assertDeliverableUrl(input.url, deps.webhookAllowPrivateUrls === true);
  if ((await deps.db.webhookEndpoint.count()) >= MAX_ENDPOINTS)
    throw new DomainError("PRECONDITION_FAILED", `At most ${MAX_ENDPOINTS} webhook endpoints; delete one first`);
  const now = deps.clock.now();
  const { secret, prefix } = newWebhookSecret();
  const row = await deps.db.webhookEndpoint.create({
    data: {
      url: input.url,
      description: input.description,
      events: [...new Set(input.events)],
      sealedSecret: deps.secrets.encrypt(secret),
      secretPrefix: prefix,
      createdBy: actorOf(caller),
      createdAt: now,
      updatedAt: now,
    },
    select: webhookEndpointSelect,
  });
  return { endpoint: toWebhookEndpoint(row), secret };
}

export async function updateWebhookEndpoint(
  deps: DomainDeps,
  caller: StaffCaller,
  input: UpdateWebhookEndpointInput,
): Promise<WebhookEndpointDto> {
  assertNotApiKey(caller);
  assertDeliverableUrl(input.url, deps.webhookAllowPrivateUrls === true);
  await assertExists(deps, input.id);
  const row = await deps.db.webhookEndpoint.update({
    where: { id: input.id },
    data: {
      url: input.url,
      description: input.description,
      events: [...new Set(input.events)],
      updatedAt: deps.clock.now(),
    },
    select: webhookEndpointSelect,
  });
  return toWebhookEndpoint(row);
}

/**
 * Disable: no new deliveries are made for it and waiting ones fail when
 * their turn comes. Enable: it receives the events from now on, with its
 * failure count reset; what it missed is redelivered from the log by hand.
 */
export async function setWebhookEndpointEnabled(
  deps: DomainDeps,
  caller: StaffCaller,
  input: { id: string; enabled: boolean },
): Promise<WebhookEndpointDto> {
  assertNotApiKey(caller);
  await assertExists(deps, input.id);
  const now = deps.clock.now();
  const row = await deps.db.webhookEndpoint.update({
    where: { id: input.id },
    data: input.enabled
      ? {
          enabled: true,
          disabledAt: null,
          disabledReason: null,
          consecutiveFailures: 0,
          failingSince: null,
          updatedAt: now,
        }
      : { enabled: false, disabledAt: now, disabledReason: `Disabled by ${actorOf(caller)}`, updatedAt: now },
    select: webhookEndpointSelect,
  });
  return toWebhookEndpoint(row);
}

/** A new signing secret, in force at once for every attempt from now on (also retries of older events). */
export async function rotateWebhookSecret(
  deps: DomainDeps,
  caller: StaffCaller,
  id: string,
): Promise<WebhookEndpointWithSecretDto> {
  assertNotApiKey(caller);
  await assertExists(deps, id);
  const { secret, prefix } = newWebhookSecret();
  const row = await deps.db.webhookEndpoint.update({
    where: { id },
    data: { sealedSecret: deps.secrets.encrypt(secret), secretPrefix: prefix, updatedAt: deps.clock.now() },
    select: webhookEndpointSelect,
  });
  return { endpoint: toWebhookEndpoint(row), secret };
}

/** Deletes the endpoint with its delivery log. */
export async function deleteWebhookEndpoint(deps: DomainDeps, caller: StaffCaller, id: string): Promise<void> {
  assertNotApiKey(caller);
  const { count } = await deps.db.webhookEndpoint.deleteMany({ where: { id } });
  if (count === 0) throw notFound("The webhook endpoint");
}

async function assertExists(deps: DomainDeps, id: string): Promise<void> {
  const found = await deps.db.webhookEndpoint.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw notFound("The webhook endpoint");
}

/** The permission table keeps keys out already (api-scopes.ts has no webhook scope); said again where secrets are made. */
function assertNotApiKey(caller: StaffCaller): void {
  if (caller.apiKey) throw new DomainError("FORBIDDEN", "An API key cannot manage webhook endpoints");
}
