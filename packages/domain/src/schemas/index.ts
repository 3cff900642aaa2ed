export * from "./common.ts";
export * from "./accounts.ts";
export * from "./catalog.ts";
export * from "./orders.ts";
export * from "./assets.ts";
export * from "./plans.ts";
export * from "./price-lists.ts";
export * from "./setup.ts";
