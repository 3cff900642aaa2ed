import { z } from "zod";
import { API_SCOPES } from "../api-scopes.ts";
import { idSchema, requiredText } from "./common.ts";

/** Setup > API keys (and the reseller's API keys page): a new key. */
export const createApiKeyInput = z.object({
  name: requiredText("Name", 80),
  scopes: z
    .array(z.enum(API_SCOPES, { message: "Not a known scope" }))
    .min(1, { message: "Choose at least one scope" })
    .max(API_SCOPES.length),
  /** Days until it stops working; null: until revoked. */
  expiresInDays: z
    .number({ message: "Choose when the key expires" })
    .int()
    .min(1, { message: "A key must be valid for at least a day" })
    .max(3650, { message: "At most 10 years" })
    .nullable(),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({ id: idSchema });
