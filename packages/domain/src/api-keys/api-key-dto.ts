export interface ApiKeyDto {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  /** ACTIVE, EXPIRED or REVOKED, as of the request. */
  state: "ACTIVE" | "EXPIRED" | "REVOKED";
}

/** A new key with its secret: the only time the secret is seen. */
export interface CreatedApiKeyDto {
  key: ApiKeyDto;
  secret: string;
}

export const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdBy: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  revokedBy: true,
} as const;

type ApiKeyRow = Omit<ApiKeyDto, "state">;

export function toApiKey(row: ApiKeyRow, now: Date): ApiKeyDto {
  const state = row.revokedAt ? "REVOKED" : row.expiresAt && row.expiresAt <= now ? "EXPIRED" : "ACTIVE";
  return { ...row, state };
}
