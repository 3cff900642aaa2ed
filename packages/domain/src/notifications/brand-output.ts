import { z } from "zod";
import { outputSchemaOf } from "../schemas/output.ts";
import type { PublicBrandDto } from "./public-brand.ts";

export const publicBrandOutput = outputSchemaOf<PublicBrandDto>()(
  z.object({ displayName: z.string(), logoUrl: z.string().nullable() }),
);
