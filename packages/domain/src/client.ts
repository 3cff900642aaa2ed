// What the browser apps may import: types only, plus the shared input schemas.
export type { AppRouter, RouterInputs, RouterOutputs } from "./root.ts";
export type { StorefrontPageDto } from "./reseller-storefronts/storefront-access.ts";
export { TRPC_MAX_BATCH_SIZE } from "./transport.ts";
