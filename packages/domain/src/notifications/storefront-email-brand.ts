import type { Prisma } from "@cm/db";
import type { Branding, NotificationTemplateKey, TemplateContent } from "@cm/notifications";
import type { DomainDeps } from "../deps.ts";

/** The templates a reseller may word itself for the emails sent for its storefront. */
export const STOREFRONT_TEMPLATE_KEYS = [
  "welcome-bittitan-coupon",
] as const satisfies readonly NotificationTemplateKey[];
export type StorefrontTemplateKey = (typeof STOREFRONT_TEMPLATE_KEYS)[number];

export const isStorefrontTemplateKey = (key: string): key is StorefrontTemplateKey =>
  (STOREFRONT_TEMPLATE_KEYS as readonly string[]).includes(key);

/**
 * Where a storefront's logo is served (public: the sign-in page shows it). The
 * version makes a new upload a new address, so the old one may be cached for long.
 */
export const storefrontLogoPath = (alias: string, sha256: string) =>
  `/api/storefronts/${alias}/logo?v=${sha256.slice(0, 16)}`;

/** How an email sent for a reseller's storefront looks and whom it comes from. */
export interface StorefrontEmailBrand {
  storefrontId: string;
  alias: string;
  /** The look of the email (its name, logo as an absolute URL, colour) in place of the distributor's. */
  branding: Branding;
  /** The From name. */
  senderName: string;
  replyTo: string | null;
  /** The reseller's own texts, by template (the distributor's template is used for any other). */
  templates: Partial<Record<StorefrontTemplateKey, TemplateContent>>;
}

/**
 * The sender name, reply-to, branding and template texts of the emails sent for
 * one reseller storefront; null when it no longer exists (purged). Pass the
 * storefront's id as `storefrontId` to queueNotification and it applies them.
 */
export async function storefrontEmailBrand(
  db: DomainDeps["db"] | Prisma.TransactionClient,
  deps: Pick<DomainDeps, "publicUrl">,
  storefrontId: string,
): Promise<StorefrontEmailBrand | null> {
  const row = await db.resellerStorefront.findUnique({
    where: { id: storefrontId },
    select: {
      id: true,
      alias: true,
      displayName: true,
      primaryColor: true,
      brand: { select: { senderName: true, replyTo: true, logoSha256: true } },
      emailTemplates: { select: { templateKey: true, subject: true, html: true, text: true } },
    },
  });
  if (!row) return null;
  const sha = row.brand?.logoSha256;
  const templates: StorefrontEmailBrand["templates"] = {};
  for (const { templateKey, ...content } of row.emailTemplates)
    if (isStorefrontTemplateKey(templateKey)) templates[templateKey] = content;
  return {
    storefrontId: row.id,
    alias: row.alias,
    branding: {
      displayName: row.displayName,
      primaryColor: row.primaryColor,
      logoUrl: sha ? `${deps.publicUrl.replace(/\/+$/, "")}${storefrontLogoPath(row.alias, sha)}` : null,
    },
    senderName: row.brand?.senderName ?? row.displayName,
    replyTo: row.brand?.replyTo ?? null,
    templates,
  };
}
