import { idempotent } from "../idempotency.ts";
import { browserSetupInput } from "../schemas/setup.ts";
import { isSetupNeeded } from "../setup/setup-instance.ts";
import { setupInstanceWithToken } from "../setup/setup-token.ts";
import { publicProcedure, router } from "../trpc.ts";

/** First run from the browser: open to anyone, guarded by the setup token the server prints. */
export const firstRunRouter = router({
  status: publicProcedure.query(async ({ ctx }) => ({ needed: await isSetupNeeded(ctx.deps) })),
  complete: publicProcedure
    .input(browserSetupInput.extend(idempotent.shape))
    .use(idempotent.middleware)
    .mutation(async ({ ctx, input }) => {
      const { admin } = await setupInstanceWithToken(ctx.deps, input);
      return { admin };
    }),
});
