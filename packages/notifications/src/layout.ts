import { DEFAULT_PRIMARY_COLOR, HEX_COLOR, isSafeLogoUrl, type Branding } from "./branding.ts";
import { escapeHtml } from "./escape-html.ts";

/**
 * The distributor's branded frame around a rendered HTML body: a header in
 * the primary colour with the logo (or the name), the body, a footer. Tables
 * and inline styles, because that is what email clients render reliably.
 */
export function wrapInLayout(body: string, subject: string, branding: Branding): string {
  const color = HEX_COLOR.test(branding.primaryColor) ? branding.primaryColor : DEFAULT_PRIMARY_COLOR;
  const name = escapeHtml(branding.displayName);
  const header =
    branding.logoUrl && isSafeLogoUrl(branding.logoUrl)
      ? `<img src="${escapeHtml(branding.logoUrl)}" alt="${name}" style="max-height:48px;max-width:240px;border:0;">`
      : `<span style="font-size:20px;font-weight:bold;color:#ffffff;">${name}</span>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f1f5f9;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="background:#f1f5f9;padding:24px 0;">
<tr><td align="center">
<table role="presentation" width="600" cellspacing="0" cellpadding="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;overflow:hidden;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#0f172a;">
<tr><td data-branding="header" style="background:${color};padding:20px 28px;">${header}</td></tr>
<tr><td style="padding:28px;">
${body}
</td></tr>
<tr><td style="padding:16px 28px;border-top:4px solid ${color};font-size:12px;color:#64748b;">${name}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}

/** The plain-text counterpart of the footer. */
export function textFooter(branding: Branding): string {
  return `\n\n--\n${branding.displayName}\n`;
}
