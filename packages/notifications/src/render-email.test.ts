import { describe, expect, it } from "vitest";
import { renderEmail } from "./render-email.ts";
import { BUILT_IN_TEMPLATES, sampleVariables } from "./templates/index.ts";

const branding = { displayName: "Northwind & Co", logoUrl: null, primaryColor: "#aa3300" };

describe("rendering an email", () => {
  it("renders the subject, the HTML in the branded layout and the text with a footer", () => {
    const email = renderEmail(
      BUILT_IN_TEMPLATES["welcome-bittitan-coupon"].defaults,
      sampleVariables("welcome-bittitan-coupon"),
      branding,
    );
    expect(email.subject).toBe("Your BitTitan licenses for Contoso IT Partners: coupon BT-7K2Q-9XPM-4RWD");
    expect(email.html).toContain("BT-7K2Q-9XPM-4RWD");
    expect(email.html).toContain("background:#aa3300");
    expect(email.html).toContain("Northwind &amp; Co");
    expect(email.html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(email.text).toContain("Your coupon code: BT-7K2Q-9XPM-4RWD");
    expect(email.text.trimEnd().endsWith("--\nNorthwind & Co")).toBe(true);
    expect(email.text).not.toContain("<");
  });

  it("escapes variables in the HTML but not in the text or the subject", () => {
    const content = {
      subject: "For {{ account_name }}",
      html: "<p>{{ account_name }}</p>",
      text: "For {{ account_name }}",
    };
    const email = renderEmail(content, { account_name: `Tom & "Jerry" <script>alert(1)</script>` }, branding);
    expect(email.html).toContain("<p>Tom &amp; &#34;Jerry&#34; &lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(email.html).not.toContain("<script>");
    expect(email.text).toContain(`For Tom & "Jerry" <script>alert(1)</script>`);
    expect(email.subject).toBe(`For Tom & "Jerry" <script>alert(1)</script>`);
  });

  it("loops over a list variable, escaping its fields in the HTML", () => {
    const content = {
      subject: "{{ rows.size }} rows",
      html: "{% for row in rows %}<li>{{ row.name }}</li>{% endfor %}",
      text: "{% for row in rows %}{{ row.name }};{% endfor %}",
    };
    const email = renderEmail(content, { rows: [{ name: "<b>One</b>" }, { name: "Two" }] }, branding);
    expect(email.subject).toBe("2 rows");
    expect(email.html).toContain("<li>&lt;b&gt;One&lt;/b&gt;</li><li>Two</li>");
    expect(email.text).toContain("<b>One</b>;Two;");
  });

  it("keeps the subject on one line", () => {
    const email = renderEmail(
      { subject: "Hi {{ recipient_name }}", html: "", text: "" },
      { recipient_name: "Pat\r\nBcc: evil@example.com" },
      branding,
    );
    expect(email.subject).toBe("Hi Pat Bcc: evil@example.com");
  });

  it("fails on a variable the values do not have", () => {
    expect(() => renderEmail({ subject: "{{ coupon_code }}", html: "", text: "" }, {}, branding)).toThrow(
      /coupon_code/,
    );
  });

  it("renders null values as empty", () => {
    expect(
      renderEmail({ subject: "[{{ order_number }}]", html: "", text: "" }, { order_number: null }, branding).subject,
    ).toBe("[]");
  });

  it("shows the logo when there is one, and only an http(s) one", () => {
    const withLogo = renderEmail(
      { subject: "s", html: "", text: "" },
      {},
      { ...branding, logoUrl: "https://cdn.example/logo.png?a=1&b=2" },
    );
    expect(withLogo.html).toContain(`<img src="https://cdn.example/logo.png?a=1&amp;b=2" alt="Northwind &amp; Co"`);
    const hostile = renderEmail(
      { subject: "s", html: "", text: "" },
      {},
      { ...branding, logoUrl: "javascript:alert(1)", primaryColor: "red;x" },
    );
    expect(hostile.html).not.toContain("javascript:");
    expect(hostile.html).toContain("background:#2563eb");
  });
});
