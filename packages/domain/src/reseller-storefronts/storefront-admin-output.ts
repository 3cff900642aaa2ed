import { z } from "zod";
import { outputSchemaOf, pageOutput } from "../schemas/output.ts";
import type { TemplatePreviewDto } from "../notifications/preview-notification.ts";
import type { StorefrontBrandDto } from "./storefront-brand.ts";
import type { StorefrontCustomerDto, StorefrontCustomersDto, StorefrontInvitationDto } from "./storefront-customers.ts";

export const storefrontCustomerOutput = outputSchemaOf<StorefrontCustomerDto>()(
  z.object({
    contactId: z.string(),
    name: z.string(),
    email: z.string(),
    endCustomer: z.object({ id: z.string(), companyName: z.string() }),
    login: z.enum(["NONE", "INVITED", "ACTIVE", "DEACTIVATED"]),
    invitedAt: z.date().nullable(),
    invitationExpiresAt: z.date().nullable(),
    lastSignInAt: z.date().nullable(),
  }),
);

export const storefrontCustomersOutput = outputSchemaOf<StorefrontCustomersDto>()(
  pageOutput(storefrontCustomerOutput).extend({ storefront: z.object({ alias: z.string(), url: z.string() }) }),
);

export const storefrontInvitationOutput = outputSchemaOf<StorefrontInvitationDto>()(
  z.object({ customer: storefrontCustomerOutput, invitationSentTo: z.string().nullable() }),
);

const templateContentOutput = z.object({ subject: z.string(), html: z.string(), text: z.string() });

export const storefrontBrandOutput = outputSchemaOf<StorefrontBrandDto>()(
  z.object({
    displayName: z.string(),
    primaryColor: z.string(),
    logoUrl: z.string().nullable(),
    senderName: z.string().nullable(),
    effectiveSenderName: z.string(),
    replyTo: z.string().nullable(),
    welcome: z.object({
      content: templateContentOutput,
      own: z.boolean(),
      updatedAt: z.date().nullable(),
      variables: z.array(z.object({ name: z.string(), description: z.string() })),
    }),
  }),
);

export const templatePreviewOutput = outputSchemaOf<TemplatePreviewDto>()(
  z.discriminatedUnion("ok", [
    templateContentOutput.extend({ ok: z.literal(true) }),
    z.object({
      ok: z.literal(false),
      problems: z.array(z.object({ part: z.enum(["subject", "html", "text"]), message: z.string() })),
    }),
  ]),
);
