import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES, NOTIFICATION_TEMPLATE_KEYS, variablesOf } from "./templates/index.ts";
import { extractVariables, validateTemplate } from "./validate-template.ts";

const welcome = BUILT_IN_TEMPLATES["welcome-bittitan-coupon"].defaults;

describe("extracting variables", () => {
  it("finds the variables a template reads, once each, including inside tags and filters", () => {
    const source =
      "{{ coupon_code }} {% if license_count > 1 %}{{ license_count }} licenses{% endif %} {{ product_name | upcase }} {{ coupon_code }}";
    expect(extractVariables(source)).toEqual(["coupon_code", "license_count", "product_name"]);
  });

  it("ignores variables the template assigns itself", () => {
    expect(extractVariables("{% assign greeting = 'Hi' %}{{ greeting }} {{ recipient_name }}")).toEqual([
      "recipient_name",
    ]);
  });
});

describe("validating a template before it is saved", () => {
  it("accepts every built-in default", () => {
    for (const key of NOTIFICATION_TEMPLATE_KEYS) {
      expect(validateTemplate(key, BUILT_IN_TEMPLATES[key].defaults), key).toEqual([]);
    }
  });

  it("offers the variables the issue asks for on the welcome template", () => {
    const names = variablesOf("welcome-bittitan-coupon").map((variable) => variable.name);
    for (const name of [
      "recipient_name",
      "account_name",
      "product_name",
      "license_count",
      "coupon_code",
      "portal_link",
      "expire_days",
      "validity_days",
      "coupon_expiry_date",
      "asset_name",
      "order_number",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("rejects an unknown variable and names it, with the part it is in", () => {
    const problems = validateTemplate("welcome-bittitan-coupon", { ...welcome, subject: "Hi {{ custmer_name }}" });
    expect(problems).toEqual([{ part: "subject", message: 'Unknown variable "custmer_name" in the subject' }]);
  });

  it("rejects a variable of another template", () => {
    const problems = validateTemplate("invoice-issued", {
      ...BUILT_IN_TEMPLATES["invoice-issued"].defaults,
      text: "{{ coupon_code }} and {{ alias }}",
    });
    expect(problems).toEqual([{ part: "text", message: 'Unknown variables "alias", "coupon_code" in the text body' }]);
  });

  it("reports syntax errors, unknown filters and the raw filter", () => {
    expect(
      validateTemplate("welcome-bittitan-coupon", { ...welcome, html: "{% if coupon_code %}unclosed" })[0]?.part,
    ).toBe("html");
    expect(
      validateTemplate("welcome-bittitan-coupon", { ...welcome, text: "{{ coupon_code | shout }}" })[0]?.message,
    ).toMatch(/shout/);
    expect(
      validateTemplate("welcome-bittitan-coupon", { ...welcome, html: "{{ coupon_code | raw }}" })[0]?.message,
    ).toMatch(/raw filter/);
  });

  it("requires a subject", () => {
    expect(validateTemplate("welcome-bittitan-coupon", { ...welcome, subject: "  " })).toContainEqual({
      part: "subject",
      message: "The subject is required",
    });
  });

  it("never reads files through include or render", () => {
    expect(
      validateTemplate("welcome-bittitan-coupon", { ...welcome, text: "{% include '/etc/passwd' %}" }),
    ).toHaveLength(1);
  });
});
