// What the browser apps may import: types only, plus the shared input schemas.
export type { AppRouter, RouterInputs, RouterOutputs } from "./root.ts";
export type { StorefrontPageDto } from "./auth/storefront-access.ts";
export { TRPC_MAX_BATCH_SIZE } from "./transport.ts";
