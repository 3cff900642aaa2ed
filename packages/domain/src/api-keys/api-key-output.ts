import { z } from "zod";
import { outputSchemaOf } from "../schemas/output.ts";
import type { ApiKeyDto, CreatedApiKeyDto } from "./api-key-dto.ts";

export const apiKeyOutput = outputSchemaOf<ApiKeyDto>()(
  z.object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    createdBy: z.string(),
    createdAt: z.date(),
    expiresAt: z.date().nullable(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
    revokedBy: z.string().nullable(),
    state: z.enum(["ACTIVE", "EXPIRED", "REVOKED"]),
  }),
);

export const createdApiKeyOutput = outputSchemaOf<CreatedApiKeyDto>()(
  z.object({ key: apiKeyOutput, secret: z.string() }),
);
