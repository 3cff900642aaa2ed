import type { DomainDeps } from "../deps.ts";

/** A Standard reseller's own Storefront: the distributor's Storefront URL plus /alias. */
export const storefrontUrl = (deps: Pick<DomainDeps, "publicUrl">, alias: string) =>
  `${deps.publicUrl.replace(/\/$/, "")}/${alias}`;
