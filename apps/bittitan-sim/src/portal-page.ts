import type { CouponView } from "./coupons.ts";
import { findSku } from "./skus.ts";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function layout(body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MigrationWiz coupon redemption (simulator)</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1f2933; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; }
dt { font-weight: 600; } .error { color: #b42318; } .note { color: #52606d; font-size: .9rem; }
input, button { font: inherit; padding: .4rem .6rem; } button { cursor: pointer; }
</style>
</head>
<body>
<h1>MigrationWiz coupon redemption</h1>
${body}
<p class="note">BitTitan simulator: this page stands in for the vendor's redemption portal.</p>
</body>
</html>`;
}

export function renderCodeForm(error?: string): string {
  return layout(`${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="get" action="/portal">
<label>Coupon code <input name="code" required autocomplete="off"></label>
<button type="submit">Show coupon</button>
</form>`);
}

export function renderCoupon(coupon: CouponView, error?: string): string {
  const sku = findSku(coupon.skuId);
  const details = [
    ["Coupon code", coupon.code],
    ["Product", sku?.name ?? coupon.skuId],
    ["Licenses", String(coupon.licenseCount)],
    ["State", coupon.state],
    ["Redeem before", coupon.expiresAt],
    ["Licenses valid for", `${coupon.validityDays} days after redemption`],
    ...(coupon.redeemedBy ? [["Redeemed by", coupon.redeemedBy]] : []),
    ...(coupon.licensesExpireAt ? [["Licenses expire", coupon.licensesExpireAt]] : []),
  ];
  const list = details
    .map(([term, value]) => `<dt>${escapeHtml(term ?? "")}</dt><dd>${escapeHtml(value ?? "")}</dd>`)
    .join("\n");
  const form =
    coupon.state === "active"
      ? `<form method="post" action="/portal/redeem">
<input type="hidden" name="code" value="${escapeHtml(coupon.code)}">
<label>Your email address <input type="email" name="email" required></label>
<button type="submit">Redeem</button>
</form>`
      : `<p>This coupon is ${escapeHtml(coupon.state)} and can no longer be redeemed.</p>`;
  return layout(`${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<dl>
${list}
</dl>
${form}`);
}
