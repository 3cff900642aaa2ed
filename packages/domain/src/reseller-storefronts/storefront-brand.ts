import { createHash } from "node:crypto";
import { variablesOf, type TemplateContent } from "@cm/notifications";
import { actorOf, type ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { assertValidTemplate } from "../notifications/notification-templates.ts";
import { renderPreview, type TemplatePreviewDto } from "../notifications/preview-notification.ts";
import { storefrontEmailBrand, storefrontLogoPath } from "../notifications/storefront-email-brand.ts";
import { loadTemplate } from "../notifications/template-store.ts";
import { normalizeAlias } from "../schemas/storefront-alias.ts";
import {
  MAX_LOGO_BYTES,
  type StorefrontEmailSenderInput,
  type StorefrontLogoInput,
  type StorefrontWelcomeTemplateInput,
} from "../schemas/storefront-admin.ts";
import { standardStorefrontOf, type StandardStorefront } from "./standard-storefront.ts";

/** The welcome email, the one template a reseller words itself today. */
const WELCOME = "welcome-bittitan-coupon" as const;

export interface StorefrontBrandDto {
  displayName: string;
  primaryColor: string;
  /** Its logo (a path on this server), or null. */
  logoUrl: string | null;
  /** As saved (null: the storefront's name is used). */
  senderName: string | null;
  /** The From name its emails carry. */
  effectiveSenderName: string;
  replyTo: string | null;
  welcome: {
    /** The reseller's own text when `own`, else the distributor's current template. */
    content: TemplateContent;
    own: boolean;
    updatedAt: Date | null;
    /** What the texts may use: `{{ name }}`. */
    variables: { name: string; description: string }[];
  };
}

export async function getStorefrontBrand(deps: DomainDeps, caller: ShopCaller): Promise<StorefrontBrandDto> {
  return brandOf(deps, await standardStorefrontOf(deps, caller));
}

async function brandOf(deps: DomainDeps, storefront: StandardStorefront): Promise<StorefrontBrandDto> {
  const [row, own, distributors] = await Promise.all([
    deps.db.resellerStorefront.findUniqueOrThrow({
      where: { id: storefront.id },
      select: {
        displayName: true,
        primaryColor: true,
        brand: { select: { senderName: true, replyTo: true, logoSha256: true } },
      },
    }),
    deps.db.storefrontEmailTemplate.findUnique({
      where: { storefrontId_templateKey: { storefrontId: storefront.id, templateKey: WELCOME } },
      select: { subject: true, html: true, text: true, updatedAt: true },
    }),
    loadTemplate(deps.db, WELCOME),
  ]);
  const sha = row.brand?.logoSha256;
  return {
    displayName: row.displayName,
    primaryColor: row.primaryColor,
    logoUrl: sha ? storefrontLogoPath(storefront.alias, sha) : null,
    senderName: row.brand?.senderName ?? null,
    effectiveSenderName: row.brand?.senderName ?? row.displayName,
    replyTo: row.brand?.replyTo ?? null,
    welcome: {
      content: own
        ? { subject: own.subject, html: own.html, text: own.text }
        : { subject: distributors.subject, html: distributors.html, text: distributors.text },
      own: own !== null,
      updatedAt: own?.updatedAt ?? null,
      variables: variablesOf(WELCOME).map(({ name, description }) => ({ name, description })),
    },
  };
}

/** The sender name and Reply-To of the emails sent for the caller's storefront. */
export async function updateStorefrontEmailSender(
  deps: DomainDeps,
  caller: ShopCaller,
  input: StorefrontEmailSenderInput,
): Promise<StorefrontBrandDto> {
  const storefront = await standardStorefrontOf(deps, caller);
  const data = { senderName: input.senderName, replyTo: input.replyTo };
  await deps.db.storefrontBrand.upsert({
    where: { storefrontId: storefront.id },
    create: { storefrontId: storefront.id, ...data },
    update: data,
  });
  return brandOf(deps, storefront);
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/** The image's type from its first bytes (what it claims to be does not count). */
function logoTypeOf(bytes: Buffer): "image/png" | "image/jpeg" {
  if (bytes.subarray(0, PNG.length).equals(PNG)) return "image/png";
  if (bytes.subarray(0, JPEG.length).equals(JPEG)) return "image/jpeg";
  const start = bytes.subarray(0, 512).toString("utf8").trimStart().toLowerCase();
  if (start.startsWith("<svg") || start.startsWith("<?xml"))
    throw new DomainError(
      "INVALID",
      "SVG logos are not accepted (an SVG can carry scripts): upload a PNG or JPEG image",
      "image",
    );
  throw new DomainError("INVALID", "The logo must be a PNG or JPEG image", "image");
}

/** Decodes a base64 upload, with or without a `data:<type>;base64,` prefix. */
function decodeImage(image: string): Buffer {
  const base64 = image.replace(/^data:[\w.+/-]*;base64,/i, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1)
    throw new DomainError("INVALID", "The image could not be read (expected base64)", "image");
  return Buffer.from(base64, "base64");
}

/** Stores the caller's storefront logo in the database (it replaces the earlier one; see StorefrontBrand). */
export async function uploadStorefrontLogo(
  deps: DomainDeps,
  caller: ShopCaller,
  input: StorefrontLogoInput,
): Promise<StorefrontBrandDto> {
  const storefront = await standardStorefrontOf(deps, caller);
  const bytes = decodeImage(input.image);
  if (bytes.length === 0) throw new DomainError("INVALID", "Choose an image", "image");
  if (bytes.length > MAX_LOGO_BYTES)
    throw new DomainError(
      "INVALID",
      `The logo must be at most ${MAX_LOGO_BYTES / 1024} KB (this one is ${Math.ceil(bytes.length / 1024)} KB)`,
      "image",
    );
  const data = {
    logoBase64: bytes.toString("base64"),
    logoContentType: logoTypeOf(bytes),
    logoSha256: createHash("sha256").update(bytes).digest("hex"),
  };
  await deps.db.storefrontBrand.upsert({
    where: { storefrontId: storefront.id },
    create: { storefrontId: storefront.id, ...data },
    update: data,
  });
  return brandOf(deps, storefront);
}

export async function removeStorefrontLogo(deps: DomainDeps, caller: ShopCaller): Promise<StorefrontBrandDto> {
  const storefront = await standardStorefrontOf(deps, caller);
  await deps.db.storefrontBrand.updateMany({
    where: { storefrontId: storefront.id },
    data: { logoBase64: null, logoContentType: null, logoSha256: null },
  });
  return brandOf(deps, storefront);
}

/** The reseller's own welcome email, checked exactly as the BSS template editor checks the distributor's. */
export async function updateStorefrontWelcomeTemplate(
  deps: DomainDeps,
  caller: ShopCaller,
  input: StorefrontWelcomeTemplateInput,
): Promise<StorefrontBrandDto> {
  const storefront = await standardStorefrontOf(deps, caller);
  const content = { subject: input.subject, html: input.html, text: input.text };
  assertValidTemplate(WELCOME, content);
  const data = { ...content, updatedBy: actorOf(caller) };
  await deps.db.storefrontEmailTemplate.upsert({
    where: { storefrontId_templateKey: { storefrontId: storefront.id, templateKey: WELCOME } },
    create: { storefrontId: storefront.id, templateKey: WELCOME, ...data },
    update: data,
  });
  return brandOf(deps, storefront);
}

/** "Reset to the distributor's text": the storefront's welcome emails use the distributor's template again. */
export async function resetStorefrontWelcomeTemplate(
  deps: DomainDeps,
  caller: ShopCaller,
): Promise<StorefrontBrandDto> {
  const storefront = await standardStorefrontOf(deps, caller);
  await deps.db.storefrontEmailTemplate.deleteMany({ where: { storefrontId: storefront.id, templateKey: WELCOME } });
  return brandOf(deps, storefront);
}

/** The draft welcome email with sample values, in the storefront's look (its name, logo, colour). */
export async function previewStorefrontWelcomeTemplate(
  deps: DomainDeps,
  caller: ShopCaller,
  input: StorefrontWelcomeTemplateInput,
): Promise<TemplatePreviewDto> {
  const storefront = await standardStorefrontOf(deps, caller);
  const brand = await storefrontEmailBrand(deps.db, deps, storefront.id);
  if (!brand) throw new DomainError("NOT_FOUND", "You have no storefront yet");
  return renderPreview(WELCOME, { subject: input.subject, html: input.html, text: input.text }, brand.branding);
}

/** A storefront's logo as served at /api/storefronts/<alias>/logo (public: its sign-in page shows it); null: none. */
export async function storefrontLogo(
  deps: Pick<DomainDeps, "db">,
  alias: string,
): Promise<{ contentType: string; bytes: Uint8Array; sha256: string } | null> {
  const row = await deps.db.storefrontBrand.findFirst({
    where: { storefront: { alias: normalizeAlias(alias) } },
    select: { logoBase64: true, logoContentType: true, logoSha256: true },
  });
  if (!row?.logoBase64 || !row.logoContentType || !row.logoSha256) return null;
  return { contentType: row.logoContentType, bytes: Buffer.from(row.logoBase64, "base64"), sha256: row.logoSha256 };
}
