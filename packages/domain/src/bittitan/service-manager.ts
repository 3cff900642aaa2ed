import { BitTitanError } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import { DomainError, type DomainErrorCode } from "../errors.ts";

export interface ServiceManagerDto {
  active: boolean;
  baseUrl: string | null;
  /** Only whether a key is stored; the key itself never leaves the server. */
  apiKeySaved: boolean;
  activatedAt: Date | null;
  lastCheckedAt: Date | null;
  lastError: string | null;
  skuCount: number;
  productTypes: { kind: string; name: string }[];
}

export async function getServiceManager(deps: DomainDeps): Promise<ServiceManagerDto> {
  const [connection, skuCount, productTypes] = await Promise.all([
    deps.db.bitTitanConnection.findUnique({ where: { id: 1 } }),
    deps.db.bitTitanSku.count(),
    deps.db.productType.findMany({ select: { kind: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    active: connection?.active ?? false,
    baseUrl: connection?.baseUrl ?? null,
    apiKeySaved: !!connection,
    activatedAt: connection?.activatedAt ?? null,
    lastCheckedAt: connection?.lastCheckedAt ?? null,
    lastError: connection?.lastError ?? null,
    skuCount,
    productTypes,
  };
}

/**
 * Why BitTitan refused a connection, in words staff can act on, and the field
 * of the activation form it is about: a refused key is the API key's; an
 * address that answers but not as BitTitan's API is the address's; an
 * unreachable BitTitan (a wrong host, or an outage: nobody can tell which) is
 * the form's.
 */
function explain(
  error: unknown,
  keyTyped: boolean,
): { code: DomainErrorCode; message: string; field?: "apiKey" | "baseUrl" } {
  if (!(error instanceof BitTitanError)) throw error;
  switch (error.kind) {
    case "configuration":
    case "bad_credentials":
      return {
        code: "INVALID",
        message: keyTyped
          ? "BitTitan refused this API key: check it and try again"
          : "BitTitan refused the saved API key: enter the current one",
        field: "apiKey",
      };
    case "not_found":
    case "invalid_response":
      return {
        code: "INVALID",
        message: "This address does not answer as BitTitan's partner API: check it",
        field: "baseUrl",
      };
    case "unavailable":
      return {
        code: "UNAVAILABLE",
        message:
          "BitTitan could not be reached at that address. Check the API address, or try again later if BitTitan is down",
      };
    case "rejected":
      return { code: "PRECONDITION_FAILED", message: error.message };
  }
}

/**
 * Saves the connection and activates it, but only once a real call with these
 * settings succeeded; a failed test changes nothing that was saved before.
 */
export async function activateServiceManager(
  deps: DomainDeps,
  input: { baseUrl: string; apiKey?: string | null },
): Promise<ServiceManagerDto> {
  const existing = await deps.db.bitTitanConnection.findUnique({ where: { id: 1 }, select: { apiKeyCipher: true } });
  const apiKey = input.apiKey ?? (existing ? deps.secrets.decrypt(existing.apiKeyCipher) : null);
  if (!apiKey) throw new DomainError("INVALID", "Enter the BitTitan API key", "apiKey");
  try {
    await deps.bittitan.clientFor(input.baseUrl, apiKey).listSkus();
  } catch (error) {
    const { code, message, field } = explain(error, !!input.apiKey);
    throw new DomainError(code, message, field);
  }
  const now = deps.clock.now();
  const data = {
    baseUrl: input.baseUrl,
    apiKeyCipher: deps.secrets.encrypt(apiKey),
    active: true,
    lastCheckedAt: now,
    lastError: null,
  };
  await deps.db.bitTitanConnection.upsert({
    where: { id: 1 },
    create: { id: 1, ...data, activatedAt: now },
    update: data,
  });
  deps.logger.info({ baseUrl: input.baseUrl }, "BitTitan Service Manager activated");
  return getServiceManager(deps);
}

/** Checks the saved connection again and records the outcome. */
export async function testServiceManager(deps: DomainDeps): Promise<ServiceManagerDto> {
  const client = await deps.bittitan.client();
  let lastError: string | null = null;
  try {
    await client.listSkus();
  } catch (error) {
    lastError = explain(error, false).message;
  }
  await deps.db.bitTitanConnection.update({ where: { id: 1 }, data: { lastCheckedAt: deps.clock.now(), lastError } });
  return getServiceManager(deps);
}
