import { z } from "zod";
import { apiKeyOutput, createdApiKeyOutput } from "../../api-keys/api-key-output.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "../../api-keys/manage-api-keys.ts";
import { createApiKeyInput, revokeApiKeyInput } from "../../schemas/api-keys.ts";
import { router, staffProcedure } from "../../trpc.ts";

/** Setup > API keys: the distributor's keys (administrators only, permissions.ts). */
export const bssApiKeyRouter = router({
  list: staffProcedure.output(z.array(apiKeyOutput)).query(({ ctx }) => listApiKeys(ctx.deps, ctx.staff)),
  /** The answer is the only time the secret is seen (no idempotency replay: it would store the secret). */
  create: staffProcedure
    .input(createApiKeyInput)
    .output(createdApiKeyOutput)
    .mutation(({ ctx, input }) => createApiKey(ctx.deps, ctx.staff, input)),
  revoke: staffProcedure
    .input(revokeApiKeyInput)
    .output(apiKeyOutput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.deps, ctx.staff, input.id)),
});
