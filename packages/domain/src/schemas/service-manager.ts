import { z } from "zod";
import { httpUrlSchema, text } from "./common.ts";

/** Setup > BitTitan: the Service Manager's address and key, tested and activated on save. */
export const activateServiceManagerInput = z.object({
  baseUrl: httpUrlSchema("Enter the API address, e.g. https://api.bittitan.com"),
  /** Leave empty to keep the saved key. */
  apiKey: text().trim().min(8, { message: "The API key looks too short" }).max(500).nullish(),
});
export type ActivateServiceManagerInput = z.infer<typeof activateServiceManagerInput>;
