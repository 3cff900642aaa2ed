import { z } from "zod";
import { apiKeyOutput, createdApiKeyOutput } from "../../api-keys/api-key-output.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "../../api-keys/manage-api-keys.ts";
import { createApiKeyInput, revokeApiKeyInput } from "../../schemas/api-keys.ts";
import { router, storefrontProcedure } from "../../trpc.ts";

/** A Standard reseller's own API keys, limited to its account tree. */
export const storefrontApiKeyRouter = router({
  list: storefrontProcedure.output(z.array(apiKeyOutput)).query(({ ctx }) => listApiKeys(ctx.deps, ctx.shop)),
  create: storefrontProcedure
    .input(createApiKeyInput)
    .output(createdApiKeyOutput)
    .mutation(({ ctx, input }) => createApiKey(ctx.deps, ctx.shop, input)),
  revoke: storefrontProcedure
    .input(revokeApiKeyInput)
    .output(apiKeyOutput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.deps, ctx.shop, input.id)),
});
