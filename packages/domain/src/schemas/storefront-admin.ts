import { z } from "zod";
import { emailSchema, idSchema, optionalText, pageSchema, searchSchema, text } from "./common.ts";
import { templateContentSchema } from "./notifications.ts";

// Inputs of Storefront > My storefront > Customers and Brand (a Standard reseller runs its storefront).

export const listStorefrontCustomersInput = pageSchema.extend({ search: searchSchema });
export type ListStorefrontCustomersInput = z.infer<typeof listStorefrontCustomersInput>;

export const storefrontCustomerInput = z.object({ contactId: idSchema });

/** The From name and Reply-To of the emails sent for the storefront (empty: the storefront's name, no Reply-To). */
export const storefrontEmailSenderInput = z.object({
  senderName: optionalText("Sender name", 80).refine((value) => value === null || !/[\r\n"<>\\]/.test(value), {
    message: "The sender name cannot contain quotes, angle brackets, backslashes or line breaks",
  }),
  replyTo: z
    .union([z.literal(""), emailSchema], { message: "Enter a valid email address" })
    .nullish()
    .transform((value) => (value ? value : null)),
});
export type StorefrontEmailSenderInput = z.infer<typeof storefrontEmailSenderInput>;

/** The largest logo accepted, in bytes. */
export const MAX_LOGO_BYTES = 256 * 1024;

/** A logo image, base64 (the service checks from its bytes that it is a PNG or JPEG, and its size). */
export const storefrontLogoInput = z.object({
  image: text({ message: "Choose an image" })
    .trim()
    .min(1, { message: "Choose an image" })
    // Base64 of MAX_LOGO_BYTES, plus room for a data: prefix; the exact size is checked on the bytes.
    .max(Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 100, { message: "The logo must be at most 256 KB" }),
});
export type StorefrontLogoInput = z.infer<typeof storefrontLogoInput>;

/** The reseller's own welcome email (validated against the template's variables by the service, as in the BSS). */
export const storefrontWelcomeTemplateInput = templateContentSchema;
export type StorefrontWelcomeTemplateInput = z.infer<typeof storefrontWelcomeTemplateInput>;
