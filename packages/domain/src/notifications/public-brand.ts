import type { DomainDeps } from "../deps.ts";
import { loadBranding } from "./load-branding.ts";

/** The distributor's name and logo as the sign-in pages show them, before anyone signs in (the email branding). */
export interface PublicBrandDto {
  displayName: string;
  logoUrl: string | null;
}

export async function publicBrand(deps: Pick<DomainDeps, "db">): Promise<PublicBrandDto> {
  const { displayName, logoUrl } = await loadBranding(deps.db);
  return { displayName, logoUrl };
}
