export * from "./common.ts";
export * from "./accounts.ts";
