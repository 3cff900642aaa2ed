/** How the distributor's emails look. */
export interface Branding {
  displayName: string;
  logoUrl: string | null;
  /** "#rrggbb" */
  primaryColor: string;
}

export const DEFAULT_PRIMARY_COLOR = "#2563eb";

export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export function defaultBranding(displayName: string): Branding {
  return { displayName, logoUrl: null, primaryColor: DEFAULT_PRIMARY_COLOR };
}

/** Only http(s) images make it into an email. */
export function isSafeLogoUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
