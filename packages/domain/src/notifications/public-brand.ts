import { z } from "zod";
import type { DomainDeps } from "../deps.ts";
import { outputSchemaOf } from "../schemas/output.ts";
import { loadBranding } from "./load-branding.ts";

/** The distributor's name and logo as the sign-in pages show them, before anyone signs in (the email branding). */
export interface PublicBrandDto {
  displayName: string;
  logoUrl: string | null;
}

export const publicBrandOutput = outputSchemaOf<PublicBrandDto>()(
  z.object({ displayName: z.string(), logoUrl: z.string().nullable() }),
);

export async function publicBrand(deps: Pick<DomainDeps, "db">): Promise<PublicBrandDto> {
  const { displayName, logoUrl } = await loadBranding(deps.db);
  return { displayName, logoUrl };
}
