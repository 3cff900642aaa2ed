import type { DomainDeps } from "../deps.ts";
import type { BrandingInput } from "../schemas/notifications.ts";
import { loadBranding } from "./load-branding.ts";

export interface BrandingDto {
  displayName: string;
  logoUrl: string | null;
  primaryColor: string;
  /** False until staff save it: the values shown are the defaults. */
  saved: boolean;
}

export const getBranding = (deps: DomainDeps): Promise<BrandingDto> => loadBranding(deps.db);

export async function updateBranding(deps: DomainDeps, input: BrandingInput): Promise<BrandingDto> {
  await deps.db.branding.upsert({ where: { id: "default" }, create: { id: "default", ...input }, update: input });
  return getBranding(deps);
}
