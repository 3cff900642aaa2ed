import type { Branding } from "./branding.ts";
import { wrapInLayout, textFooter } from "./layout.ts";
import { htmlEngine, textEngine } from "./liquid.ts";
import type { TemplateContent, VariableValue } from "./templates/index.ts";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders a template's three parts with these variables (strictly: a
 * variable the template uses but the values lack is an error) and applies
 * the branding: the HTML layout around the body, a footer under the text.
 */
export function renderEmail(
  content: TemplateContent,
  variables: Record<string, VariableValue>,
  branding: Branding,
): RenderedEmail {
  // A header is one line: collapse whatever whitespace the values brought in.
  const subject = textEngine.parseAndRenderSync(content.subject, variables).replace(/\s+/g, " ").trim();
  const body = htmlEngine.parseAndRenderSync(content.html, variables);
  const text = textEngine.parseAndRenderSync(content.text, variables).trimEnd() + textFooter(branding);
  return { subject, html: wrapInLayout(body, subject, branding), text };
}
