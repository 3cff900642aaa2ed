import type { Prisma } from "@cm/db";
import { actorOf, type Caller, type ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { currentPlanOf } from "../plans/current-plan.ts";
import type { CreateApiKeyInput } from "../schemas/api-keys.ts";
import { apiKeySelect, toApiKey, type ApiKeyDto, type CreatedApiKeyDto } from "./api-key-dto.ts";
import { newApiKeyToken } from "./api-key-token.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The keys a caller manages: the distributor's (staff) or its own reseller account's. */
function ownedBy(caller: Caller): Prisma.ApiKeyWhereInput {
  return caller.kind === "staff" ? { accountId: null } : { accountId: caller.accountId };
}

/** Only a reseller on the Standard plan has API keys (limited to its own account tree). */
export async function assertMayHaveApiKeys(deps: DomainDeps, caller: ShopCaller): Promise<void> {
  if (caller.accountKind !== "RESELLER") throw new DomainError("FORBIDDEN", "Only resellers can have API keys");
  const plan = await currentPlanOf(deps.db, caller.accountId);
  if (plan.code !== "STANDARD") throw new DomainError("FORBIDDEN", "API keys come with the Standard reseller plan");
}

export async function listApiKeys(deps: DomainDeps, caller: Caller): Promise<ApiKeyDto[]> {
  if (caller.kind === "shop") await assertMayHaveApiKeys(deps, caller);
  const rows = await deps.db.apiKey.findMany({
    where: ownedBy(caller),
    select: apiKeySelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  const now = deps.clock.now();
  return rows.map((row) => toApiKey(row, now));
}

export async function createApiKey(
  deps: DomainDeps,
  caller: Caller,
  input: CreateApiKeyInput,
): Promise<CreatedApiKeyDto> {
  if (caller.apiKey) throw new DomainError("FORBIDDEN", "An API key cannot create API keys");
  if (caller.kind === "shop") await assertMayHaveApiKeys(deps, caller);
  const now = deps.clock.now();
  const { token, prefix, secretHash } = newApiKeyToken();
  const row = await deps.db.apiKey.create({
    data: {
      name: input.name,
      prefix,
      secretHash,
      scopes: [...new Set(input.scopes)],
      accountId: caller.kind === "shop" ? caller.accountId : null,
      shopUserId: caller.kind === "shop" ? caller.userId : null,
      staffUserId: caller.kind === "staff" ? caller.userId : null,
      createdBy: actorOf(caller),
      createdAt: now,
      expiresAt: input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS),
    },
    select: apiKeySelect,
  });
  return { key: toApiKey(row, now), secret: token };
}

/** Revoked at once: the next request with it is a 401. Revoking twice changes nothing. */
export async function revokeApiKey(deps: DomainDeps, caller: Caller, id: string): Promise<ApiKeyDto> {
  if (caller.kind === "shop") await assertMayHaveApiKeys(deps, caller);
  const key = await deps.db.apiKey.findFirst({ where: { id, ...ownedBy(caller) }, select: { revokedAt: true } });
  if (!key) throw new DomainError("NOT_FOUND", "That API key was not found");
  const now = deps.clock.now();
  const row = key.revokedAt
    ? await deps.db.apiKey.findUniqueOrThrow({ where: { id }, select: apiKeySelect })
    : await deps.db.apiKey.update({
        where: { id },
        data: { revokedAt: now, revokedBy: actorOf(caller) },
        select: apiKeySelect,
      });
  return toApiKey(row, now);
}
