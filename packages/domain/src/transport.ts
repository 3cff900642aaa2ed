/** The most calls one tRPC batch request may carry; the apps' batch link splits at the same size. */
export const TRPC_MAX_BATCH_SIZE = 20;
